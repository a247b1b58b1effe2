package io.iterdef.web.search;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time range of a search on @timestamp: each end is an ISO-8601 instant (2026-11-29T10:00:00Z, or with an
 * offset) or relative to now ({@code now}, {@code now-15m}, {@code now-1h}, {@code now-24h}, {@code now-7d};
 * units s, m, h, d, w). Resolved once per request on the server, so the results, the histogram and the bar
 * links all use the same instants. The texts are kept as typed, so a shared URL stays relative.
 *
 * @param fromText {@code from} as given (after defaulting)
 * @param toText {@code to} as given (after defaulting)
 * @param from the resolved start (included)
 * @param to the resolved end (included)
 */
public record TimeRange(String fromText, String toText, Instant from, Instant to) {

	public static final String DEFAULT_FROM = "now-24h";

	public static final String DEFAULT_TO = "now";

	/** Longer ranges would need more than ~100 weekly histogram buckets. */
	public static final Duration MAX_LENGTH = Duration.ofDays(2 * 366);

	private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d{1,6})([smhdw]))?");

	private static final int MAX_TEXT = 40;

	/** Parses and resolves the range; blank ends take the defaults (last 24 hours). */
	public static TimeRange parse(String from, String to, Instant now) {
		String fromText = blank(from) ? DEFAULT_FROM : from.strip();
		String toText = blank(to) ? DEFAULT_TO : to.strip();
		Instant start = resolve("From", fromText, now);
		Instant end = resolve("To", toText, now);
		if (start.isAfter(end)) {
			throw new InvalidSearchException("From (" + fromText + ") is after To (" + toText + "): swap them.");
		}
		if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
			throw new InvalidSearchException("The time range is longer than 2 years: choose a shorter one.");
		}
		return new TimeRange(fromText, toText, start, end);
	}

	public static TimeRange lastDay(Instant now) {
		return parse(null, null, now);
	}

	public Duration length() {
		return Duration.between(from, to);
	}

	static Instant resolve(String name, String text, Instant now) {
		if (text.length() > MAX_TEXT) {
			throw new InvalidSearchException(name + " is too long: use an instant like 2026-11-29T10:00:00Z or now-24h.");
		}
		Matcher relative = RELATIVE.matcher(text);
		if (relative.matches()) {
			Instant base = now.truncatedTo(ChronoUnit.SECONDS);
			if (relative.group(1) == null) {
				return base;
			}
			long amount = Long.parseLong(relative.group(1));
			return base.minus(switch (relative.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(7 * amount);
			});
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidSearchException(name + " '" + text
					+ "' is not a time: use an ISO-8601 instant like 2026-11-29T10:00:00Z, or now, now-15m, now-1h, now-24h, now-7d.");
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
