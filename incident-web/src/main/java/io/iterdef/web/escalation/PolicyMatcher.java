package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.iterdef.web.incident.Severity;

/**
 * Picks an incident's policy: the first enabled policy, by priority, whose version in force when the incident
 * was created (the newest version created at or before it) matches the incident's severity and rule id.
 */
final class PolicyMatcher {

	private PolicyMatcher() {
	}

	static Optional<PolicyVersion> match(List<Map.Entry<Policy, List<PolicyVersion>>> enabledByPriority, String ruleId,
			Severity severity, Instant incidentCreated) {
		for (Map.Entry<Policy, List<PolicyVersion>> policy : enabledByPriority) {
			Optional<PolicyVersion> inForce = policy.getValue()
				.stream()
				.filter(v -> !v.createdAt().isAfter(incidentCreated))
				.max((a, b) -> Integer.compare(a.version(), b.version()));
			if (inForce.isPresent() && inForce.get().matches(ruleId, severity)) {
				return inForce;
			}
		}
		return Optional.empty();
	}

}
