package io.iterdef.bench.system.soak;

import java.time.Duration;

/**
 * How long the soak runs and when it samples the heap: 30 minutes, after 15 and a minute before the end; --quick 2
 * minutes, after 40 s and 10 s before the end. A flat-out measurement of its own, when the pipeline benchmark did not
 * run.
 */
record SoakTimes(Duration total, Duration startSample, Duration endSample, Duration flatOutWarmup, Duration flatOut,
		Duration flatOutEvery) {
	static final String MINUTES_PROPERTY = "bench.soak.minutes";

	SoakTimes {
		if (startSample.compareTo(endSample) >= 0 || endSample.compareTo(total) >= 0) {
			throw new IllegalArgumentException("the heap samples must be in order within the soak: " + startSample
					+ ", " + endSample + " of " + total);
		}
	}

	/**
	 * The soak's times; {@code -Dbench.soak.minutes=N} sets another length, e.g. 45 to take the first sample after the
	 * 15-minute windows have expired twice.
	 */
	static SoakTimes of(boolean quick) {
		String minutes = System.getProperty(MINUTES_PROPERTY);
		if (minutes != null) {
			return of(Duration.ofMinutes(Long.parseLong(minutes.trim())));
		}
		return quick
				? new SoakTimes(Duration.ofMinutes(2), Duration.ofSeconds(40), Duration.ofSeconds(110),
						Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5))
				: of(Duration.ofMinutes(30));
	}

	/**
	 * A soak of {@code total} (at least 3 minutes): samples 15 minutes before the end (a third of it when shorter than
	 * 45 minutes) and a minute before the end.
	 */
	static SoakTimes of(Duration total) {
		if (total.compareTo(Duration.ofMinutes(3)) < 0) {
			throw new IllegalArgumentException("-D" + MINUTES_PROPERTY + " must be at least 3 minutes, not " + total);
		}
		Duration start = total.minusMinutes(15).compareTo(total.dividedBy(3)) > 0 ? total.minusMinutes(15)
				: total.dividedBy(3);
		return new SoakTimes(total, start, total.minusMinutes(1), Duration.ofSeconds(15),
				Duration.ofSeconds(30), Duration.ofSeconds(10));
	}
}
