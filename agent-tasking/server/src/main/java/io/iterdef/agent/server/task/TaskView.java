package io.iterdef.agent.server.task;

import java.util.List;
import java.util.Map;

/**
 * A task as the admin API shows it (GET /admin/v1/tasks/{id}, and the answer of approve, deny and cancel). Times
 * are ISO-8601 strings; {@code result} is the data the agent returned (null until it did).
 */
public record TaskView(String id, String agentId, String host, String type, Map<String, Object> params, String state,
		String requestedBy, String source, String reason, String approvedBy, String decidedAt, String decisionNote,
		String ruleId, String alertId, Long incidentId, String huntId, int attempts, int maxAttempts, String createdAt,
		String expiresAt, String finishedAt, Object result, String error, List<Upload> uploads) {

	/** An upload of the task, in any state (receiving, complete, refused); only a complete one can be downloaded. */
	public record Upload(String id, String name, long size, String sha256, String state) {
	}

}
