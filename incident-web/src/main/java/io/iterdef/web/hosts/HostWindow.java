package io.iterdef.web.hosts;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The part of a host's history the host view shows: its events from {@code at - minutes} to {@code at + minutes}.
 * Parsed from the request with messages that say what was wrong and what to send instead.
 */
record HostWindow(String host, Instant at, int minutes) {

	static final int DEFAULT_MINUTES = 15;

	static final int MAX_MINUTES = 240;

	static final int MAX_HOST_LENGTH = 255;

	/** The ± choices the page offers. */
	static final List<Integer> PRESETS = List.of(5, 15, 60, 240);

	/** Thrown for a request the view cannot show; the message is for the user. */
	static final class InvalidWindowException extends RuntimeException {

		InvalidWindowException(String message) {
			super(message);
		}

	}

	Instant from() {
		return at.minus(Duration.ofMinutes(minutes));
	}

	Instant to() {
		return at.plus(Duration.ofMinutes(minutes));
	}

	/** The window moved back by its half-width (the earlier half stays on the page, for context). */
	HostWindow earlier() {
		return new HostWindow(host, at.minus(Duration.ofMinutes(minutes)), minutes);
	}

	HostWindow later() {
		return new HostWindow(host, at.plus(Duration.ofMinutes(minutes)), minutes);
	}

	HostWindow withMinutes(int n) {
		return new HostWindow(host, at, n);
	}

	/**
	 * @param at an ISO-8601 instant ({@code 2026-11-29T10:00:00Z}) or date-time with offset; now when missing
	 * @param minutes the half-width in minutes, 1 to {@value #MAX_MINUTES}; {@value #DEFAULT_MINUTES} when missing
	 */
	static HostWindow parse(String host, String at, String minutes, Instant now) {
		if (host == null || host.isBlank()) {
			throw new InvalidWindowException("The host name is empty: open /hosts/<host name>.");
		}
		if (host.length() > MAX_HOST_LENGTH) {
			throw new InvalidWindowException("The host name is longer than " + MAX_HOST_LENGTH + " characters.");
		}
		return new HostWindow(host, instant(at, now), minutes(minutes));
	}

	private static Instant instant(String at, Instant now) {
		if (at == null || at.isBlank()) {
			return now;
		}
		// a '+' of an offset arrives as a space when the link did not encode it
		String value = at.trim().replace(' ', '+');
		try {
			return Instant.parse(value);
		}
		catch (DateTimeException ex) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeException ex2) {
				throw new InvalidWindowException("'at' is not a time: \"" + at
						+ "\". Use an ISO-8601 instant such as 2026-11-29T10:00:00Z (or with an offset, 2026-11-29T11:00:00+01:00).");
			}
		}
	}

	private static int minutes(String minutes) {
		if (minutes == null || minutes.isBlank()) {
			return DEFAULT_MINUTES;
		}
		int n;
		try {
			n = Integer.parseInt(minutes.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidWindowException("'minutes' is not a whole number: \"" + minutes
					+ "\". Use 1 to " + MAX_MINUTES + " (the window is at ± minutes).");
		}
		if (n < 1 || n > MAX_MINUTES) {
			throw new InvalidWindowException("'minutes' must be between 1 and " + MAX_MINUTES + ", not " + n
					+ ": the window is at ± minutes; for longer ranges use the search page.");
		}
		return n;
	}

}
