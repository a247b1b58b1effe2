package io.iterdef.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(42));

	@Test
	void shouldDoubleUpToTheCapWhenFailuresRepeat() {
		assertThat(backoff.ceilingMillis(1)).isEqualTo(1_000);
		assertThat(backoff.ceilingMillis(2)).isEqualTo(2_000);
		assertThat(backoff.ceilingMillis(6)).isEqualTo(32_000);
		assertThat(backoff.ceilingMillis(7)).isEqualTo(60_000);
		assertThat(backoff.ceilingMillis(1_000)).isEqualTo(60_000);
	}

	@Test
	void shouldStayBetweenHalfAndTheCeilingWhenBackingOff() {
		for (int failures = 1; failures < 40; failures++) {
			long ceiling = backoff.ceilingMillis(failures);
			for (int i = 0; i < 50; i++) {
				assertThat(backoff.afterFailures(failures).toMillis()).isBetween(ceiling / 2, ceiling);
			}
		}
	}

	@Test
	void shouldSpreadPollsWithinTwentyPercentWhenPolling() {
		long min = Long.MAX_VALUE;
		long max = 0;
		for (int i = 0; i < 1_000; i++) {
			long millis = backoff.nextPoll(Duration.ofSeconds(10)).toMillis();
			assertThat(millis).isBetween(8_000L, 12_000L);
			min = Math.min(min, millis);
			max = Math.max(max, millis);
		}
		assertThat(max - min).as("jitter actually spreads").isGreaterThan(2_000);
	}

}
