package io.iterdef.agent.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The poll timing. Between polls: the server's interval with ±{@value #JITTER} jitter, so that agents started
 * together spread out. After errors: exponential backoff (base × 2^(failures−1)), capped, with "equal jitter"
 * (half fixed, half random), so that agents do not hammer a server that is coming back.
 */
public final class Backoff {

	static final double JITTER = 0.2;

	private final Duration base;

	private final Duration cap;

	private final RandomGenerator random;

	public Backoff(Duration base, Duration cap, RandomGenerator random) {
		this.base = base;
		this.cap = cap;
		this.random = random;
	}

	/** The pause before the next poll: interval ± 20 %. */
	public Duration nextPoll(Duration interval) {
		long millis = interval.toMillis();
		long spread = (long) (millis * JITTER);
		long jitter = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
		return Duration.ofMillis(Math.max(0, millis + jitter));
	}

	/** The pause after {@code failures} (≥ 1) errors in a row: in [d/2, d] where d = min(cap, base × 2^(failures−1)). */
	public Duration afterFailures(int failures) {
		long ceiling = ceilingMillis(failures);
		long half = ceiling / 2;
		return Duration.ofMillis(half + random.nextLong(0, ceiling - half + 1));
	}

	long ceilingMillis(int failures) {
		int shift = Math.max(0, Math.min(failures - 1, 30));
		long millis = base.toMillis();
		long doubled = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
		return Math.min(cap.toMillis(), doubled);
	}

}
