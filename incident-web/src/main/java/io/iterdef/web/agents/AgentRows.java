package io.iterdef.web.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The rows the agent pages show, read straight from the agent server's tables. */
public final class AgentRows {

	/** An agent counts as online when it polled within this time. */
	static final Duration ONLINE_WITHIN = Duration.ofMinutes(5);

	private AgentRows() {
	}

	public record AgentRow(UUID id, String hostname, String os, String version, String labels, String facts,
			Instant enrolledAt, Instant lastSeenAt, Instant revokedAt) {

		public boolean online() {
			return revokedAt == null && lastSeenAt != null && lastSeenAt.isAfter(Instant.now().minus(ONLINE_WITHIN));
		}

	}

	public record TaskRow(UUID id, UUID agentId, String hostname, String type, String state, String requestedBy,
			String source, String reason, String approvedBy, String ruleId, String alertId, Long incidentId, UUID huntId,
			int attempts, int maxAttempts, Instant createdAt, Instant finishedAt) {
	}

	/** A task with its parameters, decision and result (JSON text, "" when none). */
	public record TaskDetail(TaskRow task, String params, String result, String error, Instant decidedAt,
			String decisionNote, Instant expiresAt) {
	}

	public record UploadRow(UUID id, UUID taskId, String name, long size, String sha256, String state) {

		public boolean complete() {
			return "complete".equals(state);
		}

	}

	public record HuntRow(UUID id, String name, String type, String params, String targetLabels, String targetOs,
			Long targetSeenWithinSeconds, int ratePerMinute, int clientLimit, String state, String requestedBy,
			String reason, String approvedBy, Instant decidedAt, String decisionNote, Instant createdAt,
			Instant expiresAt) {
	}

	public record HuntHost(UUID agentId, String hostname, String status, UUID taskId, String taskState,
			Instant finishedAt, String error) {
	}

	public record RuleRequest(String requestId, String ruleId, String ruleName, String alertId, String host, String type,
			String params, Instant receivedAt, String outcome, UUID taskId, String detail) {
	}

}
