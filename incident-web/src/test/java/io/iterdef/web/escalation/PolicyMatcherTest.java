package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.iterdef.web.incident.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyMatcherTest {

	private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	private static final List<Level> LEVELS = List.of(new Level(0, List.of(new Target(Target.Type.EMAIL, "a@b.c"))));

	private static PolicyVersion version(long policy, int version, Set<Severity> severities, String pattern, Instant created) {
		return new PolicyVersion(policy, version, severities, pattern, LEVELS, 0, created, "lead");
	}

	private static Map.Entry<Policy, List<PolicyVersion>> policy(long id, PolicyVersion... newestFirst) {
		return Map.entry(new Policy(id, "p" + id, true, (int) id, T0, "lead", newestFirst[0]), List.of(newestFirst));
	}

	@Test
	void shouldPickFirstPolicyInPriorityOrderThatMatchesSeverityAndRule() {
		var credential = policy(1, version(1, 1, Set.of(Severity.HIGH), "cred-.*", T0));
		var anyHigh = policy(2, version(2, 1, Set.of(Severity.HIGH, Severity.CRITICAL), null, T0));

		assertThat(PolicyMatcher.match(List.of(credential, anyHigh), "cred-dump", Severity.HIGH, T0.plusSeconds(5)))
			.map(PolicyVersion::policyId)
			.contains(1L);
		assertThat(PolicyMatcher.match(List.of(credential, anyHigh), "lateral", Severity.HIGH, T0.plusSeconds(5)))
			.map(PolicyVersion::policyId)
			.contains(2L);
		assertThat(PolicyMatcher.match(List.of(credential, anyHigh), "lateral", Severity.LOW, T0.plusSeconds(5))).isEmpty();
	}

	@Test
	void shouldMatchWholeRuleIdOnly() {
		var p = policy(1, version(1, 1, Set.of(Severity.HIGH), "cred", T0));

		assertThat(PolicyMatcher.match(List.of(p), "cred-dump", Severity.HIGH, T0.plusSeconds(5))).isEmpty();
	}

	@Test
	void shouldUseVersionInForceWhenIncidentWasCreated() {
		var p = policy(1, version(1, 2, Set.of(Severity.HIGH), null, T0.plusSeconds(60)),
				version(1, 1, Set.of(Severity.HIGH), null, T0));

		assertThat(PolicyMatcher.match(List.of(p), "r", Severity.HIGH, T0.plusSeconds(30))).map(PolicyVersion::version)
			.contains(1);
		assertThat(PolicyMatcher.match(List.of(p), "r", Severity.HIGH, T0.plusSeconds(90))).map(PolicyVersion::version)
			.contains(2);
		assertThat(PolicyMatcher.match(List.of(p), "r", Severity.HIGH, T0.minusSeconds(1))).isEmpty();
	}

}
