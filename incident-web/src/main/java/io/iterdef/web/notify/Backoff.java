package io.iterdef.web.notify;

import java.time.Duration;

/**
 * Exponential back-off with jitter between delivery attempts: the n-th retry waits about
 * {@code initial * 2^(n-1)}, capped at {@code max}, of which the upper half is random ("equal jitter"), so
 * notifications that failed together do not all retry at the same instant.
 */
record Backoff(Duration initial, Duration max) {

	Backoff {
		if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + " and " + max);
		}
	}

	/**
	 * The wait after the given failed attempt (1 = the first attempt failed); {@code random} in [0, 1)
	 * picks the jitter.
	 */
	Duration delayAfter(int failedAttempts, double random) {
		int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
		long ceiling = Math.min(max.toMillis(), initial.toMillis() << exponent);
		long half = ceiling / 2;
		return Duration.ofMillis(ceiling - half + (long) (half * random));
	}

}
