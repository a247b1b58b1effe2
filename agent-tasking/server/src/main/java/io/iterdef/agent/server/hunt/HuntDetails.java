package io.iterdef.agent.server.hunt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /admin/v1/hunts/{id}}: the hunt, how many of its agents are in each status, and the agents (at most
 * {@link HuntService#MAX_HOSTS}, ordered by host name; {@code hostsTruncated} when there are more).
 */
record HuntDetails(UUID id, String name, String type, Map<String, Object> params, Map<String, String> targetLabels,
		String targetOs, Long targetSeenWithinSeconds, int ratePerMinute, int clientLimit, String state,
		String requestedBy, String reason, String approvedBy, Instant decidedAt, String decisionNote, Instant createdAt,
		Instant updatedAt, Instant expiresAt, Map<String, Long> counts, List<HostStatus> hosts,
		boolean hostsTruncated) {

	static HuntDetails of(Hunt h, Map<String, Long> counts, List<HostStatus> hosts, boolean truncated) {
		return new HuntDetails(h.id(), h.name(), h.type(), h.params(), h.targetLabels(), h.targetOs(),
				h.targetSeenWithinSeconds(), h.ratePerMinute(), h.clientLimit(), h.state(), h.requestedBy(), h.reason(),
				h.approvedBy(), h.decidedAt(), h.decisionNote(), h.createdAt(), h.updatedAt(), h.expiresAt(), counts,
				hosts, truncated);
	}

}
