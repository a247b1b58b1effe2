package io.iterdef.web.incident;

import java.time.Instant;
import java.util.List;

/**
 * An alert as shown on the incident detail page, with its matched events flattened to fields, and how many further
 * matches its rule suppressed (0 when none; {@code lastSuppressedAt} null then).
 */
record IncidentAlert(String id, String ruleId, String ruleName, Severity severity, List<String> attack,
		String hostName, Instant alertTime, Instant receivedAt, List<EventFields> events, long suppressedCount,
		Instant lastSuppressedAt) {
}
