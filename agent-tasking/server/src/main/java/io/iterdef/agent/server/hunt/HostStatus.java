package io.iterdef.agent.server.hunt;

import java.time.Instant;
import java.util.UUID;

/**
 * One agent of a hunt (the view hunt_host_status): status pending, running, done, failed or offline; the task once
 * the rollout reached the agent.
 */
record HostStatus(UUID agentId, String hostname, String status, UUID taskId, String taskState, Instant chosenAt,
		Instant startedAt, Instant finishedAt, String error) {
}
