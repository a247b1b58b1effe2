package io.iterdef.web.dashboard;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void shouldShowSecondsWithoutWarningWhenTheNewestEventIsRecent() {
		Lag lag = Lag.of(NOW.minusSeconds(12), NOW);
		assertThat(lag.seconds()).isEqualTo(12);
		assertThat(lag.text()).isEqualTo("12 s");
		assertThat(lag.warning()).isFalse();
	}

	@Test
	void shouldWarnWhenTheLagIsOverFiveMinutes() {
		assertThat(Lag.of(NOW.minusSeconds(300), NOW).warning()).isFalse();
		Lag lag = Lag.of(NOW.minusSeconds(3 * 3600 + 5 * 60 + 7), NOW);
		assertThat(lag.text()).isEqualTo("3 h 5 min");
		assertThat(lag.warning()).isTrue();
	}

	@Test
	void shouldSayNoEventsAndWarnWhenThereIsNoEvent() {
		Lag lag = Lag.of(null, NOW);
		assertThat(lag.text()).isEqualTo("no events");
		assertThat(lag.seconds()).isNull();
		assertThat(lag.warning()).isTrue();
	}

	@Test
	void shouldShowANegativeLagWhenAHostClockIsAhead() {
		assertThat(Lag.of(NOW.plusSeconds(90), NOW).text()).isEqualTo("-1 min 30 s");
	}

	@Test
	void shouldUseTwoUnitsAtMost() {
		assertThat(Lag.human(59)).isEqualTo("59 s");
		assertThat(Lag.human(60)).isEqualTo("1 min");
		assertThat(Lag.human(4 * 86400 + 3 * 3600 + 59)).isEqualTo("4 d 3 h");
	}

}
