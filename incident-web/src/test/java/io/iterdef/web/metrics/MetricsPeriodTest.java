package io.iterdef.web.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsPeriodTest {

	private static final Instant NOW = Instant.parse("2026-11-28T10:15:00Z");

	@Test
	void shouldUseTheLastSevenDaysWhenNothingIsChosen() {
		MetricsPeriod period = MetricsPeriod.parse(null, null, null, NOW);

		assertThat(period.preset()).isEqualTo("7d");
		assertThat(period.to()).isEqualTo(NOW);
		assertThat(period.from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
	}

	@Test
	void shouldUseThePresetWhenOneIsNamedEvenWithDates() {
		MetricsPeriod period = MetricsPeriod.parse("24h", "2020-01-01", "2020-01-02", NOW);

		assertThat(period.preset()).isEqualTo("24h");
		assertThat(period.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
		assertThat(MetricsPeriod.parse("30d", "", "", NOW).from()).isEqualTo(NOW.minus(Duration.ofDays(30)));
	}

	@Test
	void shouldCoverWholeUtcDaysWhenDatesAreGiven() {
		MetricsPeriod period = MetricsPeriod.parse("custom", "2026-11-01", "2026-11-03", NOW);

		assertThat(period.preset()).isEqualTo(MetricsPeriod.CUSTOM);
		assertThat(period.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(period.to()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
		assertThat(period.fromDate()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(MetricsPeriod.parse(null, "2026-11-20", null, NOW).to())
			.isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
	}

	@Test
	void shouldExplainWhatToChangeWhenInputIsWrong() {
		assertThatThrownBy(() -> MetricsPeriod.parse("custom", "28.11.2026", null, NOW))
			.isInstanceOf(MetricsPeriod.InvalidInputException.class)
			.hasMessage("From must be a date like 2026-01-31 (year-month-day), not \"28.11.2026\".");
		assertThatThrownBy(() -> MetricsPeriod.parse("custom", "2026-11-05", "2026-11-01", NOW))
			.hasMessageContaining("before the start date")
			.hasMessageContaining("swap them");
		assertThatThrownBy(() -> MetricsPeriod.parse("custom", null, "2026-11-01", NOW))
			.hasMessageContaining("Enter a start date");
		assertThatThrownBy(() -> MetricsPeriod.parse("1y", null, null, NOW)).hasMessageContaining("choose 24h, 7d or 30d");
	}

}
