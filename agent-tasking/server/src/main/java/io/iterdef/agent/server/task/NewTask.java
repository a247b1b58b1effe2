package io.iterdef.agent.server.task;

import java.util.Map;
import java.util.UUID;

/**
 * A request to queue a task on one agent.
 *
 * @param id the idempotency key (null: a new random id); the same id twice queues one task
 * @param agentId the agent that runs it
 * @param type the task type's wire name (must be on the allow-list)
 * @param params the type's parameters
 * @param requestedBy who asked: a user name, or the rule's id
 * @param source "analyst", "rule" or "hunt"
 * @param maxAttempts the retry budget, 1..10 (null: 3)
 * @param expiresInSeconds how long it may wait queued (null: the server's default)
 * @param timeoutMillis a shorter timeout than the type's (null: the type's)
 * @param reason why (shown to the approver), or null
 * @param incidentId the incident it belongs to, or null
 * @param ruleId the rule that asked for it (source "rule"), or null
 * @param alertId the alert that made the rule ask, or null
 * @param huntId the hunt it belongs to (source "hunt"), or null
 */
public record NewTask(UUID id, UUID agentId, String type, Map<String, Object> params, String requestedBy,
		String source, Integer maxAttempts, Long expiresInSeconds, Long timeoutMillis, String reason, Long incidentId,
		String ruleId, String alertId, UUID huntId) {

	/** A task without reason, incident, rule, alert or hunt. */
	public NewTask(UUID id, UUID agentId, String type, Map<String, Object> params, String requestedBy, String source,
			Integer maxAttempts, Long expiresInSeconds, Long timeoutMillis) {
		this(id, agentId, type, params, requestedBy, source, maxAttempts, expiresInSeconds, timeoutMillis, null, null,
				null, null, null);
	}

}
