package io.iterdef.web.escalation;

import java.time.Instant;

/**
 * An incident's escalation: the policy version it runs under (null when no policy matched), the next level
 * (1-based here, for display) and round, when it is due, and whether and why it stopped.
 */
public record IncidentEscalation(long incidentId, Long policyId, Integer version, int nextLevel, int round,
		Instant nextAt, Instant startedAt, Instant stoppedAt, String stopReason) {
}
