package io.iterdef.agent.protocol;

/**
 * A long poll: the server answers as soon as a task is leased to this agent, or after {@code waitSeconds}
 * (bounded by the server) with no task.
 *
 * @param host the host's current facts (heartbeat)
 * @param waitSeconds how long the agent is willing to wait
 * @param maxTasks how many tasks the agent takes at once
 */
public record PollRequest(HostFacts host, int waitSeconds, int maxTasks) {
}
