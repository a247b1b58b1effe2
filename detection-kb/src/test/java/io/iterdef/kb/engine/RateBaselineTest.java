package io.iterdef.kb.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-minute counters behind spike rules: thresholds, history, gaps, late events. */
class RateBaselineTest {

	static final long MINUTE = 60_000L;

	/** A minute boundary (2026-11-17T09:30:00Z). */
	static final long T0 = 1_794_907_800_000L;

	@Test
	void shouldHaveNoThresholdUntilTheBaselineIsFull() {
		RateBaseline rate = new RateBaseline(T0, 30, 10.0, 100);
		assertThat(add(rate, T0 + 29 * MINUTE, 1000)).isZero();
		assertThat(rate.threshold()).isEqualTo(Integer.MAX_VALUE);
		add(rate, T0 + 30 * MINUTE, 1);
		assertThat(rate.threshold()).isEqualTo(334); // mean (1000 / 30) * 10 = 333.3
	}

	@Test
	void shouldCountMinutesWithoutEventsAsZero() {
		RateBaseline rate = new RateBaseline(T0, 30, 10.0, 5);
		add(rate, T0, 30);
		add(rate, T0 + 30 * MINUTE, 1);
		assertThat(rate.baselineMean(Math.floorDiv(T0, MINUTE) + 30)).isEqualTo(1.0);
		assertThat(rate.threshold()).isEqualTo(11);
	}

	@Test
	void shouldRaiseExactlyOncePerMinuteAtTheThreshold() {
		RateBaseline rate = new RateBaseline(T0, 30, 10.0, 100);
		add(rate, T0, 1);
		long burst = T0 + 45 * MINUTE;
		assertThat(add(rate, burst, 99)).isZero();
		assertThat(rate.add(burst + 59_999)).isTrue();
		assertThat(add(rate, burst + 59_999, 500)).isZero();
		assertThat(rate.currentCount()).isEqualTo(600);
	}

	@Test
	void shouldForgetMinutesOlderThanTheBaseline() {
		RateBaseline rate = new RateBaseline(T0, 30, 10.0, 10);
		add(rate, T0, 1000);
		add(rate, T0 + 31 * MINUTE, 1);
		assertThat(rate.threshold()).isEqualTo(10); // minute 0 is out of the 30 before minute 31: mean 0, the floor
	}

	@Test
	void shouldCountALateEventInItsMinuteWithoutRaising() {
		RateBaseline rate = new RateBaseline(T0, 30, 10.0, 1);
		add(rate, T0, 1);
		add(rate, T0 + 30 * MINUTE, 1);
		assertThat(rate.add(T0 + 29 * MINUTE)).isFalse();
		assertThat(rate.baselineMean(Math.floorDiv(T0, MINUTE) + 31)).isEqualTo(2.0 / 30);
	}

	@Test
	void shouldRefuseMeaninglessParameters() {
		assertThatThrownBy(() -> new RateBaseline(T0, 0, 10.0, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RateBaseline(T0, 30, 0, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RateBaseline(T0, 30, 10.0, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	/** Adds {@code n} events at {@code millis}; returns how many of them returned true. */
	static int add(RateBaseline rate, long millis, int n) {
		int raised = 0;
		for (int i = 0; i < n; i++) {
			if (rate.add(millis)) {
				raised++;
			}
		}
		return raised;
	}
}
