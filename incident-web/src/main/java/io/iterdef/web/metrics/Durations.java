package io.iterdef.web.metrics;

/** Durations in seconds as people read them: "45 s", "4 min 30 s", "2 h 5 min", "3 d 4 h". */
final class Durations {

	static final String NONE = "–";

	private Durations() {
	}

	/** The duration rounded to whole seconds, two units at most; {@value #NONE} when there is none. */
	static String human(Double seconds) {
		if (seconds == null || seconds.isNaN() || seconds.isInfinite()) {
			return NONE;
		}
		long s = Math.round(seconds);
		String sign = s < 0 ? "-" : "";
		s = Math.abs(s);
		if (s < 60) {
			return sign + s + " s";
		}
		if (s < 3600) {
			return sign + two(s / 60, "min", s % 60, "s");
		}
		if (s < 86400) {
			return sign + two(s / 3600, "h", s % 3600 / 60, "min");
		}
		return sign + two(s / 86400, "d", s % 86400 / 3600, "h");
	}

	private static String two(long major, String majorUnit, long minor, String minorUnit) {
		return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
	}

}
