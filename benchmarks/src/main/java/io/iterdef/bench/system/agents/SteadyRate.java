package io.iterdef.bench.system.agents;

/**
 * How many events are due at a steady rate: {@code floor(elapsed * rate)} since the start, minus those taken. A tick
 * that comes late takes the backlog, so the long-run rate holds whatever the ticks' jitter.
 */
final class SteadyRate {

	private final double perSecond;

	private long taken;

	SteadyRate(double perSecond) {
		if (!(perSecond > 0)) {
			throw new IllegalArgumentException("the rate must be positive, not " + perSecond);
		}
		this.perSecond = perSecond;
	}

	/** The events due now, {@code elapsedNanos} after the start, and not taken before; counts them as taken. */
	synchronized long take(long elapsedNanos) {
		long due = (long) Math.floor(elapsedNanos / 1e9 * perSecond);
		long now = Math.max(0, due - taken);
		taken += now;
		return now;
	}

}
