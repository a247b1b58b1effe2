package io.iterdef.web.incident;

import java.time.Instant;

/** An incident: the alerts of one rule for one group key (usually a host) while it is open. */
public record Incident(long id, String title, String ruleId, String ruleName, Severity severity, String hostName,
		String groupKey, IncidentStatus status, Instant createdAt, Instant updatedAt, Instant firstSeen,
		Instant lastSeen, int alertCount) {
}
