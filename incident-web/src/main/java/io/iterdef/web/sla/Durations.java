package io.iterdef.web.sla;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on the admin pages: {@code 90} or {@code 90s}, {@code 15m}, {@code 4h},
 * {@code 2d}, or combined ({@code 1h30m}); stored as whole seconds.
 */
public final class Durations {

	private static final Pattern PART = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

	private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}\\s*[smhd]?\\s*)+");

	private Durations() {
	}

	/** The duration in seconds; empty when the text is not a duration. */
	public static OptionalLong parseSeconds(String text) {
		if (text == null) {
			return OptionalLong.empty();
		}
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || !WHOLE.matcher(t).matches()) {
			return OptionalLong.empty();
		}
		long seconds = 0;
		Matcher m = PART.matcher(t);
		while (m.find()) {
			long n = Long.parseLong(m.group(1));
			seconds += switch (m.group(2)) {
				case "m" -> n * 60;
				case "h" -> n * 3600;
				case "d" -> n * 86400;
				default -> n;
			};
		}
		return OptionalLong.of(seconds);
	}

	/** 5400 -> "1h30m", 45 -> "45s", 0 -> "0s". */
	public static String format(long seconds) {
		if (seconds <= 0) {
			return "0s";
		}
		StringBuilder b = new StringBuilder();
		long rest = seconds;
		long[] units = { 86400, 3600, 60, 1 };
		String[] names = { "d", "h", "m", "s" };
		for (int i = 0; i < units.length; i++) {
			if (rest >= units[i]) {
				b.append(rest / units[i]).append(names[i]);
				rest %= units[i];
			}
		}
		return b.toString();
	}

}
