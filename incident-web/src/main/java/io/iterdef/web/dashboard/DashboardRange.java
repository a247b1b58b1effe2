package io.iterdef.web.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard's time range: one of the presets (last 1 h, 24 h, 7 d) ending now, with the date_histogram
 * bucket size fitted to it from a fixed ladder so a chart has at most {@value #MAX_BUCKETS} buckets.
 */
record DashboardRange(Preset preset, Instant from, Instant to, Interval interval) {

	static final int MAX_BUCKETS = 60;

	static final Preset DEFAULT = Preset.LAST_24H;

	enum Preset {

		LAST_1H("1h", "Last 1 h", Duration.ofHours(1)), LAST_24H("24h", "Last 24 h", Duration.ofHours(24)),
		LAST_7D("7d", "Last 7 days", Duration.ofDays(7));

		private final String key;

		private final String label;

		private final Duration length;

		Preset(String key, String label, Duration length) {
			this.key = key;
			this.label = label;
			this.length = length;
		}

		public String key() {
			return key;
		}

		public String label() {
			return label;
		}

		/** The same range as a relative date-math expression for the search page: {@code now-24h}. */
		public String relativeFrom() {
			return "now-" + key;
		}

	}

	/** A bucket size: Elasticsearch's fixed_interval text and its length. */
	record Interval(String text, Duration length) {
	}

	static final List<Interval> LADDER = List.of(new Interval("1m", Duration.ofMinutes(1)),
			new Interval("5m", Duration.ofMinutes(5)), new Interval("10m", Duration.ofMinutes(10)),
			new Interval("30m", Duration.ofMinutes(30)), new Interval("1h", Duration.ofHours(1)),
			new Interval("3h", Duration.ofHours(3)), new Interval("12h", Duration.ofHours(12)),
			new Interval("1d", Duration.ofDays(1)));

	/** The range of a preset key ("1h", "24h", "7d"; null or blank for the default) ending at {@code now}. */
	static DashboardRange parse(String key, Instant now) {
		if (key == null || key.isBlank()) {
			return of(DEFAULT, now);
		}
		for (Preset preset : Preset.values()) {
			if (preset.key.equals(key.trim())) {
				return of(preset, now);
			}
		}
		throw new IllegalArgumentException("Unknown range \"" + key + "\": choose 1h, 24h or 7d.");
	}

	static DashboardRange of(Preset preset, Instant now) {
		return new DashboardRange(preset, now.minus(preset.length), now, fit(preset.length));
	}

	/** The smallest interval of the ladder that cuts {@code length} into at most MAX_BUCKETS buckets. */
	static Interval fit(Duration length) {
		for (Interval interval : LADDER) {
			if (length.toMillis() <= interval.length().toMillis() * MAX_BUCKETS) {
				return interval;
			}
		}
		return LADDER.get(LADDER.size() - 1);
	}

	public String key() {
		return preset.key;
	}

}
