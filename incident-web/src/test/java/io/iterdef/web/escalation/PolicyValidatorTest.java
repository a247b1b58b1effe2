package io.iterdef.web.escalation;

import java.util.List;
import java.util.Set;

import io.iterdef.web.incident.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyValidatorTest {

	private final PolicyValidator validator = new PolicyValidator(Set.of("alice")::contains, Set.of("soc")::contains);

	private static PolicyForm form() {
		PolicyForm form = new PolicyForm();
		form.setName("High severity");
		form.setSeverities(List.of("high", "critical"));
		form.setDelays(List.of("0", "15m"));
		form.setTargets(List.of("user:alice, team:soc", "lead@example.org https://chat.example.org/hook"));
		form.setRepeat("2");
		return form;
	}

	@Test
	void shouldBuildDraftWhenFormIsValid() {
		PolicyValidator.Result result = validator.validate(form());

		assertThat(result.errors()).isEmpty();
		assertThat(result.draft().severities()).containsExactlyInAnyOrder(Severity.HIGH, Severity.CRITICAL);
		assertThat(result.draft().rulePattern()).isNull();
		assertThat(result.draft().repeatCount()).isEqualTo(2);
		assertThat(result.draft().levels()).containsExactly(
				new Level(0, List.of(new Target(Target.Type.USER, "alice"), new Target(Target.Type.TEAM, "soc"))),
				new Level(900, List.of(new Target(Target.Type.EMAIL, "lead@example.org"),
						new Target(Target.Type.WEBHOOK, "https://chat.example.org/hook"))));
	}

	@Test
	void shouldExplainEachProblemWhenFormIsInvalid() {
		PolicyForm form = form();
		form.setName(" ");
		form.setSeverities(List.of());
		form.setRulePattern("cred-(");
		form.setRepeat("-1");
		form.setDelays(List.of("soon", "5m"));
		form.setTargets(List.of("user:bob", "team:nobody, ftp://x"));

		PolicyValidator.Result result = validator.validate(form);

		assertThat(result.ok()).isFalse();
		assertThat(result.draft()).isNull();
		assertThat(result.errors()).containsKeys("name", "severities", "rulePattern", "repeat", "level1", "level2");
		assertThat(result.errors().get("level1")).contains("'soon' is not a delay");
		assertThat(result.errors().get("level2")).contains("'ftp://x' is not a target");
		assertThat(result.errors().get("rulePattern")).contains("not a valid regular expression");
	}

	@Test
	void shouldNameMissingUserWhenTargetDoesNotExist() {
		PolicyForm form = form();
		form.setTargets(List.of("user:bob", "a@b.org"));

		assertThat(validator.validate(form).errors()).containsEntry("level1", "Level 1: there is no user 'bob'.");
	}

	@Test
	void shouldRefuseGapsAndMissingLevels() {
		PolicyForm gap = form();
		gap.setDelays(List.of("0", "", "5m"));
		gap.setTargets(List.of("a@b.org", "", "c@d.org"));
		assertThat(validator.validate(gap).errors()).containsKey("level3");

		PolicyForm none = form();
		none.setDelays(List.of());
		none.setTargets(List.of());
		assertThat(validator.validate(none).errors()).containsEntry("levels", "Add at least one level (a delay and its targets).");

		PolicyForm noTarget = form();
		noTarget.setDelays(List.of("5m"));
		noTarget.setTargets(List.of(""));
		assertThat(validator.validate(noTarget).errors()).containsEntry("level1", "Level 1 has no target: name at least one.");
	}

}
