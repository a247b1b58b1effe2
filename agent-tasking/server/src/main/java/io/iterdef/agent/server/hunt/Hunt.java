package io.iterdef.agent.server.hunt;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored hunt (the hunts table). */
record Hunt(UUID id, String name, String type, Map<String, Object> params, Map<String, String> targetLabels,
		String targetOs, Long targetSeenWithinSeconds, int ratePerMinute, int clientLimit, String state,
		String requestedBy, String reason, String approvedBy, Instant decidedAt, String decisionNote, Instant createdAt,
		Instant updatedAt, Instant expiresAt) {

	TargetCriteria criteria() {
		return new TargetCriteria(targetLabels, targetOs, targetSeenWithinSeconds);
	}

}
