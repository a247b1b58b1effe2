package io.iterdef.web.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * How far behind the newest data is: now minus a newest time (the newest event's @timestamp, or its
 * event.ingested: how long since anything arrived), as people read it ("12 s", "3 h 5 min"), and whether it
 * is beyond the warning threshold.
 *
 * @param newest the newest time, null when there is no event at all
 * @param seconds now minus newest, in whole seconds (negative when the newest is in the future: a host's clock
 * is ahead); null without events
 * @param text the lag as text, or "no events"
 * @param warning true when the lag is over the threshold or there are no events
 */
record Lag(Instant newest, Long seconds, String text, boolean warning) {

	static final Duration WARNING = Duration.ofMinutes(5);

	static Lag of(Instant newest, Instant now) {
		if (newest == null) {
			return new Lag(null, null, "no events", true);
		}
		long seconds = Duration.between(newest, now).toSeconds();
		return new Lag(newest, seconds, human(seconds), seconds > WARNING.toSeconds());
	}

	/** Two units at most: "45 s", "4 min 30 s", "2 h 5 min", "3 d 4 h". */
	static String human(long seconds) {
		String sign = seconds < 0 ? "-" : "";
		long s = Math.abs(seconds);
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
