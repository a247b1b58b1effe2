package io.iterdef.kb.engine;

import io.iterdef.kb.attack.AttackCatalog;
import io.iterdef.kb.attack.Technique;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's @attack ids exist in the vendored ATT&CK catalog and its @tactic is one of theirs. */
class RuleAttackIdsTest {

	static final AttackCatalog CATALOG = AttackCatalog.load();

	@Test
	void shouldListOnlyCatalogTechniquesWhenRuleDeclaresAttackIds() {
		List<String> violations = new ArrayList<>();
		for (RuleInfo r : RuleConventions.library().ruleSet().rules()) {
			for (String id : r.attack()) {
				if (!CATALOG.contains(id)) {
					violations.add(r.name() + ": " + id + " is not in attack/techniques.tsv");
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void shouldUseAnEnterpriseTacticOfItsTechniquesWhenRuleDeclaresTactic() {
		List<String> violations = new ArrayList<>();
		for (RuleInfo r : RuleConventions.library().ruleSet().rules()) {
			if (AttackCatalog.tacticOrder(r.tactic()) < 0) {
				String snake = String.valueOf(r.tactic()).trim().toLowerCase(Locale.ROOT).replaceAll("[- ]", "_");
				String hint = AttackCatalog.tacticOrder(snake) >= 0 ? "write @tactic(\"" + snake + "\")"
						: "one of " + AttackCatalog.TACTICS;
				violations.add(r.name() + ": @tactic '" + r.tactic() + "' is not an Enterprise tactic in snake_case: " + hint);
				continue;
			}
			List<Technique> known = r.attack().stream().map(CATALOG::find).flatMap(Optional::stream).toList();
			if (!known.isEmpty() && known.stream().noneMatch(t -> t.tactics().contains(r.tactic()))) {
				violations.add(r.name() + ": @tactic '" + r.tactic() + "' is a tactic of none of " + r.attack());
			}
		}
		assertThat(violations).isEmpty();
	}
}
