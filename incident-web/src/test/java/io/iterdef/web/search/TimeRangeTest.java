package io.iterdef.web.search;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeRangeTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00.700Z");

	@Test
	void shouldDefaultToTheLastDayWhenBlank() {
		TimeRange range = TimeRange.parse(null, " ", NOW);
		assertThat(range.fromText()).isEqualTo("now-24h");
		assertThat(range.toText()).isEqualTo("now");
		assertThat(range.from()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(range.to()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
	}

	@Test
	void shouldResolveEveryRelativeUnitWhenGiven() {
		assertThat(TimeRange.resolve("From", "now-15m", NOW)).isEqualTo(Instant.parse("2026-11-29T09:45:00Z"));
		assertThat(TimeRange.resolve("From", "now-30s", NOW)).isEqualTo(Instant.parse("2026-11-29T09:59:30Z"));
		assertThat(TimeRange.resolve("From", "now-1h", NOW)).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
		assertThat(TimeRange.resolve("From", "now-7d", NOW)).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
		assertThat(TimeRange.resolve("From", "now-2w", NOW)).isEqualTo(Instant.parse("2026-11-15T10:00:00Z"));
	}

	@Test
	void shouldAcceptIsoInstantsAndOffsetsWhenAbsolute() {
		TimeRange range = TimeRange.parse("2026-11-29T08:00:00Z", "2026-11-29T10:30:00+01:00", NOW);
		assertThat(range.from()).isEqualTo(Instant.parse("2026-11-29T08:00:00Z"));
		assertThat(range.to()).isEqualTo(Instant.parse("2026-11-29T09:30:00Z"));
		assertThat(range.length()).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void shouldExplainWhenATimeIsWrongOrReversedOrTooLong() {
		assertThatThrownBy(() -> TimeRange.parse("yesterday", "now", NOW)).isInstanceOf(InvalidSearchException.class)
			.hasMessageContaining("From 'yesterday' is not a time")
			.hasMessageContaining("now-15m");
		assertThatThrownBy(() -> TimeRange.parse("now-1h", "now-2h", NOW)).hasMessageContaining("swap them");
		assertThatThrownBy(() -> TimeRange.parse("now-1000d", "now", NOW)).hasMessageContaining("longer than 2 years");
		assertThatThrownBy(() -> TimeRange.parse("now-5y", "now", NOW)).hasMessageContaining("is not a time");
	}

}
