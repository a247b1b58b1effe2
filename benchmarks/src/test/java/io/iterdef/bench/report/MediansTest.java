package io.iterdef.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTest {

	@Test
	void shouldTakeTheMiddleValueWhenTheCountIsOdd() {
		assertThat(Medians.of(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
	}

	@Test
	void shouldAverageTheTwoMiddleValuesWhenTheCountIsEven() {
		assertThat(Medians.of(List.of(4.0, 1.0, 3.0, 10.0))).isEqualTo(3.5);
	}

	@Test
	void shouldBeNaNWhenThereIsNoValue() {
		assertThat(Medians.of(List.of())).isNaN();
	}
}
