package io.iterdef.bench.system.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

	@Test
	void shouldTakeTheMiddleRepetitionWhenThereAreThree() {
		assertThat(Median.of(List.of(30.0, 10.0, 20.0))).isEqualTo(20.0);
	}

	@Test
	void shouldAverageTheMiddleTwoWhenTheCountIsEven() {
		assertThat(Median.of(List.of(1.0, 4.0))).isEqualTo(2.5);
	}

	@Test
	void shouldBeNaNWhenNothingWasMeasured() {
		assertThat(Median.of(List.of())).isNaN();
	}
}
