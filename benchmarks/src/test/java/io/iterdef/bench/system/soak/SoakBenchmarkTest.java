package io.iterdef.bench.system.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SoakBenchmarkTest {

	@Test
	void shouldGiveTheGrowthInPercentOfTheFirstSampleWhenTheHeapGrewOrShrank() {
		assertThat(SoakBenchmark.growthPercent(200, 230)).isCloseTo(15.0, within(1e-9));
		assertThat(SoakBenchmark.growthPercent(200, 190)).isCloseTo(-5.0, within(1e-9));
		assertThatThrownBy(() -> SoakBenchmark.growthPercent(0, 10)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldOnlyRunByDefaultWhenAskedForWithSoak() {
		assertThat(new SoakBenchmark().byDefault()).isFalse();
		assertThat(new SoakBenchmark().name()).isEqualTo("soak");
	}

	@Test
	void shouldSampleAfterTheWarmUpAndBeforeTheEndWhenTimed() {
		SoakTimes full = SoakTimes.of(false);

		assertThat(full.total()).isEqualTo(Duration.ofMinutes(30));
		assertThat(full.startSample()).isEqualTo(Duration.ofMinutes(15));
		assertThat(full.endSample()).isEqualTo(Duration.ofMinutes(29));
		assertThat(SoakTimes.of(Duration.ofMinutes(45)).startSample()).isEqualTo(Duration.ofMinutes(30));
		assertThat(SoakTimes.of(Duration.ofMinutes(6)).startSample()).isEqualTo(Duration.ofMinutes(2));
		assertThatThrownBy(() -> SoakTimes.of(Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("bench.soak.minutes");
		assertThat(SoakTimes.of(true).total()).isEqualTo(Duration.ofMinutes(2));
		assertThatThrownBy(() -> new SoakTimes(Duration.ofMinutes(2), Duration.ofMinutes(2), Duration.ofMinutes(1),
				Duration.ZERO, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
	}
}
