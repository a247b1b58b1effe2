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
 */
public record NewTask(UUID id, UUID agentId, String type, Map<String, Object> params, String requestedBy,
		String source, Integer maxAttempts, Long expiresInSeconds, Long timeoutMillis) {
}
