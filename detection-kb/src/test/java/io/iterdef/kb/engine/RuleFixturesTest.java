package io.iterdef.kb.engine;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture case of sample-events (rules/.../<rule_stem>/{match,nomatch}/*) in a fresh session. */
class RuleFixturesTest {

	static final String FIXTURE_ROOT = "rules";

	static RuleSet rules;

	@BeforeAll
	static void compile() {
		rules = RuleSet.fromClasspath();
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		for (Path root : TestResources.classpathFolders(FIXTURE_ROOT)) {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".ndjson")).sorted()
					.forEach(f -> {
						String expectation = f.getParent().getFileName().toString();
						String stem = f.getParent().getParent().getFileName().toString();
						cases.add(Arguments.of(stem, expectation, root.relativize(f).toString(), f));
					});
			}
		}
		assertThat(cases).as("fixture cases under classpath:" + FIXTURE_ROOT).isNotEmpty();
		return cases.stream();
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("cases")
	void shouldFireExactlyTheRuleWhenMatchAndNothingWhenNomatch(String ruleStem, String expectation, String name,
			Path file) {
		assertThat(expectation).isIn("match", "nomatch");
		List<Alert> alerts = run(TestResources.decodeAll(file));
		if (expectation.equals("match")) {
			assertThat(alerts).as(name).hasSize(1);
			assertThat(ruleFile(alerts.get(0).getRuleId())).isEqualTo(ruleStem);
		}
		else {
			assertThat(alerts).as(name).isEmpty();
		}
	}

	static List<Alert> run(List<Event> events) {
		List<Alert> alerts = new ArrayList<>();
		try (DetectionSession session = rules.newSession(alerts::add)) {
			events.forEach(session::insert);
			if (!events.isEmpty()) {
				session.advanceTo(events.get(events.size() - 1).getTimestamp().plus(rules.longestWindow()));
			}
		}
		return alerts;
	}

	/** The DRL file stem that declares a rule id. */
	static String ruleFile(String ruleId) {
		return AllRulesTest.ruleFileStems().get(ruleId);
	}
}
