package io.iterdef.kb.engine;

import io.iterdef.kb.TestResources;
import io.iterdef.kb.cli.FixtureRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture case of sample-events (rules/.../<rule_stem>/{match,nomatch}/*) in a fresh session, through the
 * FixtureRunner that {@code rules test} uses.
 */
class RuleFixturesTest {

	static final String FIXTURE_ROOT = "rules";

	static FixtureRunner runner;

	@BeforeAll
	static void compile() {
		runner = new FixtureRunner(RuleSet.fromClasspath(), AllRulesTest.ruleFileStems());
	}

	static Stream<Arguments> cases() {
		List<FixtureRunner.Case> cases = FixtureRunner.cases(TestResources.classpathFolders(FIXTURE_ROOT));
		assertThat(cases).as("fixture cases under classpath:" + FIXTURE_ROOT).isNotEmpty();
		return cases.stream().map(c -> Arguments.of(c.name(), c));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldFireExactlyTheRuleWhenMatchAndNothingWhenNomatch(String name, FixtureRunner.Case fixture) {
		FixtureRunner.Result result = runner.run(fixture);
		assertThat(result.failure()).as(name).isNull();
	}
}
