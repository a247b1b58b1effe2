package io.iterdef.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTest {

	@Test
	void shouldTakeTheMiddleValueWhenTheCountIsOdd() {
		assertThat(Medians.of(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
		assertThat(Medians.of(List.of(30.0, 10.0, 20.0))).isEqualTo(20.0);
	}

	@Test
	void shouldAverageTheTwoMiddleValuesWhenTheCountIsEven() {
		assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
		assertThat(Medians.of(List.of(1.0, 4.0))).isEqualTo(2.5);
	}

	@Test
	void shouldBeNaNWhenThereIsNoValue() {
		assertThat(Medians.of(List.of())).isNaN();
	}
}
