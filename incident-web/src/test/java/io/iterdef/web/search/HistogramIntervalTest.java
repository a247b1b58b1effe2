package io.iterdef.web.search;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HistogramIntervalTest {

	@ParameterizedTest
	@CsvSource({ "PT30S, 1s", "PT90S, 1s", "PT5M, 5s", "PT15M, 10s", "PT1H, 1m", "PT4H, 5m", "PT24H, 30m", "P7D, 3h",
			"P30D, 12h", "P90D, 1d", "P365D, 7d", "P732D, 7d" })
	void shouldPickTheSmallestLadderStepWithAtMostAHundredBucketsWhenGivenARange(Duration range, String expected) {
		HistogramInterval interval = HistogramInterval.fitting(range);
		assertThat(interval.expression()).isEqualTo(expected);
		if (!expected.equals("7d")) {
			assertThat(HistogramInterval.buckets(range, interval.duration())).isLessThanOrEqualTo(100);
		}
		int index = HistogramInterval.LADDER.indexOf(interval);
		if (index > 0) {
			// the step below would have given too many buckets
			assertThat(HistogramInterval.buckets(range, HistogramInterval.LADDER.get(index - 1).duration())).isGreaterThan(100);
		}
	}

}
