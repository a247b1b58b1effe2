package io.iterdef.kb.decode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The time forms shippers send: ISO-8601 with a zone ({@code 2023-08-15T05:34:00.346Z}, 7 fractional digits from
 * Winlogbeat), and local times without a zone ({@code 2020-10-18 07:50:06.220}, NXLog EventTime, Sysmon UtcTime).
 */
public final class ShipperTimes {

	/** yyyy-MM-dd[ |T]HH:mm:ss[.fraction], no zone. */
	public static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd")
		.optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
		.appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd().toFormatter();

	private ShipperTimes() {
	}

	/** An ISO-8601 time with a zone or offset, or null when the text is not one. */
	public static Instant zoned(String text) {
		if (text == null) {
			return null;
		}
		String t = text.trim();
		if (t.isEmpty() || !(t.endsWith("Z") || t.endsWith("z") || hasOffset(t))) {
			return null;
		}
		Instant fast = TimeFastPaths.utc(t);
		if (fast != null) {
			return fast;
		}
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	/** A local time without zone read in {@code zone}, or null when the text is not one. */
	public static Instant local(String text, ZoneId zone) {
		LocalDateTime local = localDateTime(text);
		try {
			return local == null ? null : local.atZone(zone).toInstant();
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	/** A zone-less time known to be UTC (Sysmon UtcTime), or null when the text is not one. */
	public static Instant utc(String text) {
		LocalDateTime local = localDateTime(text);
		return local == null ? null : local.toInstant(ZoneOffset.UTC);
	}

	/** ISO with zone as is, else local in {@code zone}; null when neither. */
	public static Instant zonedOrLocal(String text, ZoneId zone) {
		Instant zoned = zoned(text);
		return zoned != null ? zoned : local(text, zone);
	}

	public static LocalDateTime localDateTime(String text) {
		if (text == null) {
			return null;
		}
		String t = text.trim();
		LocalDateTime fast = TimeFastPaths.local(t);
		if (fast != null) {
			return fast;
		}
		try {
			return LocalDateTime.parse(t, LOCAL);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	private static boolean hasOffset(String t) {
		int n = t.length();
		return n > 6 && (t.charAt(n - 6) == '+' || t.charAt(n - 6) == '-') && t.charAt(n - 3) == ':';
	}

}
