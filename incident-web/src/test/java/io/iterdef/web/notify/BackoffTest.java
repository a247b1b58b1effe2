package io.iterdef.web.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

	@Test
	void shouldDoubleTheCeilingWithEachFailedAttempt() {
		assertThat(backoff.delayAfter(1, 0.999999)).isBetween(Duration.ofMillis(1999), Duration.ofSeconds(2));
		assertThat(backoff.delayAfter(2, 0.999999)).isBetween(Duration.ofMillis(3999), Duration.ofSeconds(4));
		assertThat(backoff.delayAfter(3, 0.999999)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
	}

	@Test
	void shouldKeepAtLeastHalfTheCeilingWhenJitterIsLowest() {
		assertThat(backoff.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.delayAfter(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
		assertThat(backoff.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
	}

	@Test
	void shouldCapAtMaxWhenAttemptsGrow() {
		assertThat(backoff.delayAfter(6, 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(1));
		assertThat(backoff.delayAfter(100, 0.0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delayAfter(100, 0.999999)).isLessThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void shouldRefuseWhenInitialIsNotPositiveOrAboveMax() {
		assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
