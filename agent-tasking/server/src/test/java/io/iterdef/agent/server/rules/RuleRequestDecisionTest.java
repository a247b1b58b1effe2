package io.iterdef.agent.server.rules;

import java.time.Duration;

import io.iterdef.agent.server.rules.RuleRequestDecision.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleRequestDecisionTest {

	private static final Duration WINDOW = Duration.ofMinutes(10);

	@Test
	void shouldQueueWhenAnAgentHoldsTheHostAndTheRuleIsUnderItsLimit() {
		assertThat(RuleRequestDecision.decide(null, true, 4, 5, WINDOW, false, "h").outcome()).isEqualTo(Outcome.QUEUED);
	}

	@Test
	void shouldRateLimitAtTheLimitAndSayWhichVariableSetsIt() {
		RuleRequestDecision.Decision decision = RuleRequestDecision.decide(null, true, 5, 5, WINDOW, false, "h");

		assertThat(decision.outcome()).isEqualTo(Outcome.RATE_LIMITED);
		assertThat(decision.detail()).contains("5 requests").contains("PT10M").contains("ITERDEF_AGENT_RULE_TASKS_PER_HOST");
		assertThat(RuleRequestDecision.decide(null, true, 5, 5, WINDOW, true, "h").outcome())
			.as("dry run counts against the limit too").isEqualTo(Outcome.RATE_LIMITED);
	}

	@Test
	void shouldRecordADryRunInsteadOfQueueing() {
		assertThat(RuleRequestDecision.decide(null, true, 0, 5, WINDOW, true, "h").outcome()).isEqualTo(Outcome.DRY_RUN);
	}

	@Test
	void shouldPutRefusalBeforeNoAgentAndNoAgentBeforeTheLimit() {
		assertThat(RuleRequestDecision.decide("bad", false, 99, 5, WINDOW, true, "h").outcome())
			.isEqualTo(Outcome.REFUSED);
		RuleRequestDecision.Decision noAgent = RuleRequestDecision.decide(null, false, 99, 5, WINDOW, true, "h1");
		assertThat(noAgent.outcome()).isEqualTo(Outcome.NO_AGENT);
		assertThat(noAgent.detail()).contains("h1");
	}

	@Test
	void shouldOnlyLetARuleRequestItsTypes() {
		assertThat(RuleRequestDecision.typeProblem("process.list")).isEmpty();
		assertThat(RuleRequestDecision.typeProblem("file.hash")).isEmpty();
		assertThat(RuleRequestDecision.typeProblem("file.collect")).hasValueSatisfying(
				p -> assertThat(p).startsWith("a rule may not request file.collect").contains("process.list"));
		assertThat(RuleRequestDecision.typeProblem("memory.scan")).isPresent();
		assertThat(RuleRequestDecision.typeProblem("agent.update")).isPresent();
		assertThat(RuleRequestDecision.typeProblem("shell.exec")).hasValue("task type 'shell.exec' is not on the allow-list");
	}

	@Test
	void shouldNameTheOutcomesAsTheTableDoes() {
		assertThat(Outcome.RATE_LIMITED.dbValue()).isEqualTo("rate_limited");
		assertThat(Outcome.NO_AGENT.dbValue()).isEqualTo("no_agent");
		assertThat(Outcome.DRY_RUN.dbValue()).isEqualTo("dry_run");
	}

}
