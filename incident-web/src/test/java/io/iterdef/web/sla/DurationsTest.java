package io.iterdef.web.sla;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

	@Test
	void shouldParseUnitsAndCombinationsWhenTextIsADuration() {
		assertThat(Durations.parseSeconds("90")).hasValue(90);
		assertThat(Durations.parseSeconds("90s")).hasValue(90);
		assertThat(Durations.parseSeconds(" 15m ")).hasValue(900);
		assertThat(Durations.parseSeconds("4H")).hasValue(14400);
		assertThat(Durations.parseSeconds("1h30m")).hasValue(5400);
		assertThat(Durations.parseSeconds("2d 1h")).hasValue(176400);
	}

	@Test
	void shouldRefuseWhenTextIsNotADuration() {
		assertThat(Durations.parseSeconds("")).isEmpty();
		assertThat(Durations.parseSeconds(null)).isEmpty();
		assertThat(Durations.parseSeconds("-5m")).isEmpty();
		assertThat(Durations.parseSeconds("15 minutes")).isEmpty();
		assertThat(Durations.parseSeconds("1.5h")).isEmpty();
		assertThat(Durations.parseSeconds("m")).isEmpty();
	}

	@Test
	void shouldFormatCompactlyWhenSecondsAreGiven() {
		assertThat(Durations.format(5400)).isEqualTo("1h30m");
		assertThat(Durations.format(45)).isEqualTo("45s");
		assertThat(Durations.format(86400 + 61)).isEqualTo("1d1m1s");
		assertThat(Durations.format(0)).isEqualTo("0s");
		assertThat(Durations.parseSeconds(Durations.format(123456))).hasValue(123456);
	}

}
