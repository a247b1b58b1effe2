package io.iterdef.web.notify;

/** What a notification says about its incident. */
public record IncidentSummary(long id, String title, String severity, String status, String ruleId, String hostName) {
}
