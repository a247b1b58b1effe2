package io.iterdef.agent.server.hunt;

/**
 * The rollout's token bucket: a hunt may start {@code ratePerMinute} agents in any minute, counted from the
 * started_at of its targets in the last minute (so several server instances share one budget), and at most
 * {@code maxPerCycle} in one scheduler cycle.
 */
final class RolloutRate {

	private RolloutRate() {
	}

	/** How many targets may start now. */
	static int startsAllowed(int ratePerMinute, long startedInLastMinute, long pending, int maxPerCycle) {
		long tokens = ratePerMinute - startedInLastMinute;
		return (int) Math.max(0, Math.min(Math.min(tokens, pending), maxPerCycle));
	}

}
