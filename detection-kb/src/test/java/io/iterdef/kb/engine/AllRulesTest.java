package io.iterdef.kb.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conventions every rule must meet; the rule set is compiled once. File names, ATT&CK ids and fixture folders have
 * their own classes (RuleFileLocationTest, RuleAttackIdsTest, RuleFixtureFoldersTest).
 */
class AllRulesTest {

	static final Pattern ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");

	static final Pattern ATTACK_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

	static RuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSet.fromClasspath();
	}

	@Test
	void shouldCompileWithoutWarningsWhenLoadedFromTheClasspath() {
		assertThat(rules.warnings()).isEmpty();
		assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void shouldHaveUniqueUuidIdsWhenCompiled() {
		List<String> ids = rules.rules().stream().map(RuleInfo::id).toList();
		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		ids.forEach(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
	}

	@Test
	void shouldHaveAllMetadataWhenCompiled() {
		for (RuleInfo r : rules.rules()) {
			assertThat(r.severity()).as(r.name()).isIn("low", "medium", "high", "critical");
			assertThat(r.tactic()).as(r.name()).isNotBlank();
			assertThat(r.attack()).as(r.name()).isNotEmpty().allMatch(a -> ATTACK_ID.matcher(a).matches());
			assertThat(r.description()).as(r.name()).isNotBlank();
			assertThat(r.falsePositives()).as(r.name()).isNotBlank();
		}
	}

	@Test
	void shouldDeclareWindowWhenRuleUsesTemporalOperators() {
		Map<String, String> sources = ruleSources();
		for (RuleInfo r : rules.rules()) {
			String drl = sources.get(ruleFileStems().get(r.id()));
			boolean temporal = drl.matches("(?s).*\\b(before|after|coincides|during|window:time)\\b.*\\[.*");
			if (temporal) {
				assertThat(r.window()).as(r.name() + " needs @window").isPositive();
			}
		}
	}

	/** rule id -> DRL file stem, read from the DRL sources in src/main/resources. */
	static Map<String, String> ruleFileStems() {
		Map<String, String> stems = new HashMap<>();
		ruleSources().forEach((stem, drl) -> {
			Matcher m = ID.matcher(drl);
			while (m.find()) {
				stems.put(m.group(1), stem);
			}
		});
		return stems;
	}

	static Map<String, String> ruleSources() {
		Map<String, String> sources = new HashMap<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/rules"))) {
			for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".drl"))::iterator) {
				sources.put(f.getFileName().toString().replace(".drl", ""), Files.readString(f));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sources;
	}
}
