package io.iterdef.web.notify;

import java.time.Instant;

/** One row of the outbox, as the delivery-status pages show it. */
public record Notification(long id, Long incidentId, String kind, Integer level, Integer round, String channel,
		String recipient, String subject, String status, int attempts, Instant nextAttemptAt, String lastError,
		Instant createdAt, Instant sentAt, String sentBy) {
}
