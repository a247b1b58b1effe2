package io.iterdef.kb.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses short durations as rules write them: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d}, {@code 0}. */
final class Durations {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

	private Durations() {
	}

	static Duration parse(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
		if (t.equals("0")) {
			return Duration.ZERO;
		}
		Matcher m = PART.matcher(t);
		Duration total = Duration.ZERO;
		int end = 0;
		while (m.find()) {
			if (m.start() != end) {
				break;
			}
			long n = Long.parseLong(m.group(1));
			total = total.plus(switch (m.group(2)) {
				case "ms" -> Duration.ofMillis(n);
				case "s" -> Duration.ofSeconds(n);
				case "m" -> Duration.ofMinutes(n);
				case "h" -> Duration.ofHours(n);
				default -> Duration.ofDays(n);
			});
			end = m.end();
		}
		if (end == 0 || end != t.length()) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 30s, 10m, 1h)");
		}
		return total;
	}
}
