package io.iterdef.kb.attack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttackCatalogTest {

	static final AttackCatalog CATALOG = AttackCatalog.load();

	@Test
	void shouldFindTechniqueWithNameAndTacticsWhenIdIsVendored() {
		Technique t = CATALOG.find("T1003.001").orElseThrow();
		assertThat(t.name()).isEqualTo("LSASS Memory");
		assertThat(t.tactics()).containsExactly("credential_access");
		assertThat(CATALOG.find("T1078").orElseThrow().tactics())
			.containsExactly("initial_access", "persistence", "privilege_escalation", "defense_evasion");
		assertThat(CATALOG.find("T9999")).isEmpty();
	}

	@Test
	void shouldReturnParentWhenIdIsSubTechnique() {
		assertThat(CATALOG.parent("T1059.001").orElseThrow().name()).isEqualTo("Command and Scripting Interpreter");
		assertThat(CATALOG.parent("T1059")).isEmpty();
		assertThat(CATALOG.parent("T9999.001")).isEmpty();
	}

	@Test
	void shouldOrderTacticsAsTheMatrixWhenAskedForTheOrder() {
		assertThat(AttackCatalog.TACTICS).hasSize(14).startsWith("reconnaissance").endsWith("impact");
		assertThat(AttackCatalog.tacticOrder("execution")).isLessThan(AttackCatalog.tacticOrder("persistence"));
		assertThat(AttackCatalog.tacticOrder("credential-access")).isEqualTo(-1);
	}

	@Test
	void shouldCoverEveryTacticAndTheRuleLibraryIdsWhenVendored() {
		assertThat(CATALOG.techniques()).hasSizeGreaterThanOrEqualTo(120);
		Set<String> tactics = CATALOG.techniques().stream().flatMap(t -> t.tactics().stream()).collect(Collectors.toSet());
		assertThat(tactics).containsExactlyInAnyOrderElementsOf(AttackCatalog.TACTICS);
		for (String id : new String[] { "T1003", "T1003.001", "T1003.002", "T1558.003", "T1110", "T1110.001",
				"T1110.003", "T1059", "T1059.001", "T1059.003", "T1059.005", "T1047", "T1053", "T1053.005", "T1543.003",
				"T1569.002", "T1546.003", "T1547.001", "T1070", "T1070.001", "T1070.006", "T1574.002", "T1021",
				"T1021.002", "T1550.002", "T1033", "T1082", "T1087", "T1087.001", "T1087.002", "T1016", "T1018", "T1057",
				"T1069", "T1071", "T1571", "T1027", "T1218", "T1218.005", "T1218.011", "T1105", "T1562", "T1562.001" }) {
			assertThat(CATALOG.contains(id)).as(id).isTrue();
		}
	}

	@Test
	void shouldRejectLineWhenTacticUnknownOrParentMissingOrIdDuplicated() {
		assertThatThrownBy(() -> parse("T1059\tX\texecution-ish\n")).hasMessageContaining("unknown tactic 'execution-ish'");
		assertThatThrownBy(() -> parse("T1059.001\tPowerShell\texecution\n")).hasMessageContaining("before its parent T1059");
		assertThatThrownBy(() -> parse("T1059\tA\texecution\nT1059\tB\texecution\n")).hasMessageContaining("duplicate T1059");
		assertThatThrownBy(() -> AttackCatalog.parse(in("T1059\tA\texecution\n"))).hasMessageContaining("header");
	}

	private static AttackCatalog parse(String rows) throws Exception {
		return AttackCatalog.parse(in("# comment\nid\tname\ttactics\n" + rows));
	}

	private static ByteArrayInputStream in(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
