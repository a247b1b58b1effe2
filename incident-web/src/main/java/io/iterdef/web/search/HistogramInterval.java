package io.iterdef.web.search;

import java.time.Duration;
import java.util.List;

/**
 * The bucket size of the histogram above the results: the smallest step of a fixed ladder (1s ... 7d) that
 * splits the range into at most {@value #TARGET_BUCKETS} buckets, so the chart stays readable and the number
 * of buckets Elasticsearch builds stays bounded whatever the range.
 *
 * @param expression the Elasticsearch fixed_interval ("5m")
 * @param duration the same as a duration
 */
public record HistogramInterval(String expression, Duration duration) {

	public static final int TARGET_BUCKETS = 100;

	static final List<HistogramInterval> LADDER = List.of(of("1s", Duration.ofSeconds(1)), of("5s", Duration.ofSeconds(5)),
			of("10s", Duration.ofSeconds(10)), of("30s", Duration.ofSeconds(30)), of("1m", Duration.ofMinutes(1)),
			of("5m", Duration.ofMinutes(5)), of("10m", Duration.ofMinutes(10)), of("30m", Duration.ofMinutes(30)),
			of("1h", Duration.ofHours(1)), of("3h", Duration.ofHours(3)), of("12h", Duration.ofHours(12)),
			of("1d", Duration.ofDays(1)), of("7d", Duration.ofDays(7)));

	private static HistogramInterval of(String expression, Duration duration) {
		return new HistogramInterval(expression, duration);
	}

	/** The smallest interval giving at most TARGET_BUCKETS buckets over the range (7d for longer ones). */
	public static HistogramInterval fitting(Duration range) {
		for (HistogramInterval interval : LADDER) {
			if (buckets(range, interval.duration) <= TARGET_BUCKETS) {
				return interval;
			}
		}
		return LADDER.get(LADDER.size() - 1);
	}

	/** How many buckets aligned on the interval a range of this length may touch (one more when not aligned). */
	static long buckets(Duration range, Duration interval) {
		return range.toMillis() / interval.toMillis() + 1;
	}

}
