package io.iterdef.web.incident;

import java.time.Instant;

/**
 * An incident: the alerts of one rule for one group key (usually a host) while it is open, with its workflow
 * state (assignment, acknowledgement, resolution, reopen count, merge target) and why its alerts group.
 */
public record Incident(long id, String title, String ruleId, String ruleName, Severity severity, String hostName,
		String groupKey, IncidentStatus status, Instant createdAt, Instant updatedAt, Instant firstSeen,
		Instant lastSeen, int alertCount, String assignee, String team, Instant acknowledgedAt, String acknowledgedBy,
		Instant resolvedAt, String resolvedBy, Resolution resolution, int reopenCount, Long mergedInto,
		String groupingReason) {

	/** An incident as first opened (no workflow state yet); for tests and callers that need only the basics. */
	public Incident(long id, String title, String ruleId, String ruleName, Severity severity, String hostName,
			String groupKey, IncidentStatus status, Instant createdAt, Instant updatedAt, Instant firstSeen,
			Instant lastSeen, int alertCount) {
		this(id, title, ruleId, ruleName, severity, hostName, groupKey, status, createdAt, updatedAt, firstSeen,
				lastSeen, alertCount, null, null, null, null, null, null, null, 0, null, null);
	}

}
