package io.iterdef.web.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardRangeTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void shouldDefaultToTheLast24HoursInHalfHourBucketsWhenNoRangeIsGiven() {
		DashboardRange range = DashboardRange.parse(null, NOW);
		assertThat(range.key()).isEqualTo("24h");
		assertThat(range.from()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(range.to()).isEqualTo(NOW);
		assertThat(range.interval().text()).isEqualTo("30m");
	}

	@Test
	void shouldFitTheBucketSizeSoThatNoRangeHasMoreThan60Buckets() {
		assertThat(DashboardRange.parse("1h", NOW).interval().text()).isEqualTo("1m");
		assertThat(DashboardRange.parse("7d", NOW).interval().text()).isEqualTo("3h");
		assertThat(DashboardRange.fit(Duration.ofMinutes(61)).text()).isEqualTo("5m");
		assertThat(DashboardRange.fit(Duration.ofDays(400)).text()).isEqualTo("1d");
		for (DashboardRange.Preset preset : DashboardRange.Preset.values()) {
			DashboardRange range = DashboardRange.of(preset, NOW);
			long buckets = Duration.between(range.from(), range.to()).toMillis() / range.interval().length().toMillis();
			assertThat(buckets).as(preset.key()).isBetween(1L, (long) DashboardRange.MAX_BUCKETS);
		}
	}

	@Test
	void shouldRefuseAnUnknownRangeWithTheChoices() {
		assertThatThrownBy(() -> DashboardRange.parse("2y", NOW)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Unknown range \"2y\": choose 1h, 24h or 7d.");
	}

	@Test
	void shouldLinkToTheSearchWithTheSameRelativeRange() {
		assertThat(DashboardRange.Preset.LAST_7D.relativeFrom()).isEqualTo("now-7d");
	}

}
