package io.iterdef.web.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

	@Test
	void shouldShowSecondsMinutesHoursAndDaysWhenFormatting() {
		assertThat(Durations.human(0.0)).isEqualTo("0 s");
		assertThat(Durations.human(45.4)).isEqualTo("45 s");
		assertThat(Durations.human(59.6)).isEqualTo("1 min");
		assertThat(Durations.human(180.0)).isEqualTo("3 min");
		assertThat(Durations.human(270.0)).isEqualTo("4 min 30 s");
		assertThat(Durations.human(456.0)).isEqualTo("7 min 36 s");
		assertThat(Durations.human(3600.0)).isEqualTo("1 h");
		assertThat(Durations.human(7500.0)).isEqualTo("2 h 5 min");
		assertThat(Durations.human(86400.0 * 3 + 4 * 3600 + 59)).isEqualTo("3 d 4 h");
		assertThat(Durations.human(-90.0)).isEqualTo("-1 min 30 s");
	}

	@Test
	void shouldShowDashWhenThereIsNoValue() {
		assertThat(Durations.human(null)).isEqualTo(Durations.NONE);
		assertThat(Durations.human(Double.NaN)).isEqualTo(Durations.NONE);
	}

}
