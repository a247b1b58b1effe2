package io.iterdef.bench.system.soak;

import java.time.Duration;

/**
 * How long the soak runs and when it samples the heap: 30 minutes, after 10 and before the end; --quick 2 minutes,
 * after 40 s and 10 s before the end. A flat-out measurement of its own, when the pipeline benchmark did not run.
 */
record SoakTimes(Duration total, Duration startSample, Duration endSample, Duration flatOutWarmup, Duration flatOut,
		Duration flatOutEvery) {

	SoakTimes {
		if (startSample.compareTo(endSample) >= 0 || endSample.compareTo(total) >= 0) {
			throw new IllegalArgumentException("the heap samples must be in order within the soak: " + startSample
					+ ", " + endSample + " of " + total);
		}
	}

	static SoakTimes of(boolean quick) {
		return quick
				? new SoakTimes(Duration.ofMinutes(2), Duration.ofSeconds(40), Duration.ofSeconds(110),
						Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5))
				: new SoakTimes(Duration.ofMinutes(30), Duration.ofMinutes(10), Duration.ofMinutes(29),
						Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(10));
	}
}
