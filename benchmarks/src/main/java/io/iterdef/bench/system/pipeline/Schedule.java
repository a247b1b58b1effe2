package io.iterdef.bench.system.pipeline;

/**
 * When each record of a paced load is due: record {@code i} at {@code start + i / rate}. A sender that falls behind
 * sends the overdue records at once, each still timed from its intended time, so a stall of the pipeline shows in the
 * latencies instead of slowing the load (no coordinated omission).
 */
record Schedule(long startNanos, double perSecond) {

	Schedule {
		if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
			throw new IllegalArgumentException("a paced load needs a rate > 0 records/s, not " + perSecond);
		}
	}

	/** The intended send time of record {@code i} (System.nanoTime() scale). */
	long intended(long i) {
		return startNanos + (long) (i * 1e9 / perSecond);
	}

	/** How many records are due at {@code nowNanos} (records 0 .. n-1). */
	long dueBy(long nowNanos) {
		if (nowNanos < startNanos) {
			return 0;
		}
		long n = (long) Math.floor((nowNanos - startNanos) * perSecond / 1e9) + 1;
		// rounding of the double: never count a record whose intended time is still ahead
		while (n > 0 && intended(n - 1) > nowNanos) {
			n--;
		}
		while (intended(n) <= nowNanos) {
			n++;
		}
		return n;
	}
}
