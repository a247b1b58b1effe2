package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.iterdef.bench.report.Medians;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageSampleTest {

	@Test
	void shouldGiveEachStagesRatePerSecondWhenComparedWithALaterSample() {
		StageSample a = new StageSample(0, 1_000, 900, 900, 800);
		StageSample b = new StageSample(2_000_000_000L, 9_000, 8_900, 8_900, 6_800);

		assertThat(a.normalizeRate(b)).isCloseTo(4_000, within(0.01));
		assertThat(a.detectRate(b)).isCloseTo(3_000, within(0.01));
	}

	@Test
	void shouldCountWhatWaitsBeforeNormalizeAndBeforeDetectWhenAskedForTheBacklog() {
		assertThat(new StageSample(0, 1_000, 900, 850, 800).backlog()).isEqualTo(150);
		// committed offsets past the end seen a moment before: no negative backlog
		assertThat(new StageSample(0, 1_000, 1_003, 850, 853).backlog()).isZero();
	}

	@Test
	void shouldTakeTheMedianOfTheIntervalsWhenRatesVary() {
		List<StageSample> samples = List.of(new StageSample(0, 0, 0, 0, 0),
				new StageSample(1_000_000_000L, 0, 0, 0, 100), new StageSample(2_000_000_000L, 0, 0, 0, 400),
				new StageSample(3_000_000_000L, 0, 0, 0, 600));

		assertThat(StageSample.detectRates(samples)).containsExactly(100.0, 300.0, 200.0);
		assertThat(Medians.of(StageSample.detectRates(samples))).isEqualTo(200.0);
		assertThat(Medians.of(List.of(1.0, 4.0))).isEqualTo(2.5);
		assertThat(Medians.of(List.of())).isNaN();
	}
}
