package io.iterdef.web.api;

import java.time.Instant;
import java.util.List;

/** The JSON shapes of the REST API (records, serialized by Jackson). */
final class ApiModel {

	private ApiModel() {
	}

	record IncidentFilter(String status, String severity, String rule, String host) {
	}

	record IncidentSummary(long id, String title, String ruleId, String ruleName, String severity, String status,
			String hostName, String groupKey, String assignee, String team, Instant createdAt, Instant updatedAt,
			Instant firstSeen, Instant lastSeen, int alertCount, Instant acknowledgedAt, String acknowledgedBy,
			Instant resolvedAt, String resolvedBy, String resolution, Long mergedInto, String groupingReason,
			String slaState) {
	}

	/** A page of incidents: {@code total} is how many match the filters in all. */
	record IncidentPage(long total, int page, int size, List<IncidentSummary> items) {
	}

	record AlertSummary(String id, String ruleId, String ruleName, String severity, List<String> attack,
			String hostName, Instant alertTime, List<String> eventIds, long suppressedCount) {
	}

	record Note(long id, String author, Instant createdAt, String markdown) {
	}

	record IncidentDetails(IncidentSummary incident, List<AlertSummary> alerts, List<Note> notes) {
	}

	/** The body of POST /api/v1/incidents/{id}/comments: a note in Markdown. */
	record CommentRequest(String body) {
	}

	/** The body of POST /api/v1/incidents/{id}/resolve. */
	record ResolveRequest(String resolution, String comment) {
	}

}
