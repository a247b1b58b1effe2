package io.iterdef.web.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The period of the metrics page, over incidents' created_at: a preset (the last 24 h, 7 d or 30 d up to
 * now) or whole UTC days from a date to a date (both included). {@code to} is exclusive.
 */
record MetricsPeriod(String preset, Instant from, Instant to, LocalDate fromDate, LocalDate toDate) {

	static final String CUSTOM = "custom";

	static final String DEFAULT_PRESET = "7d";

	enum Preset {

		LAST_24H("24h", "Last 24 h", Duration.ofHours(24)), LAST_7D("7d", "Last 7 days", Duration.ofDays(7)),
		LAST_30D("30d", "Last 30 days", Duration.ofDays(30));

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

		static Preset of(String key) {
			for (Preset p : values()) {
				if (p.key.equals(key)) {
					return p;
				}
			}
			return null;
		}

	}

	/** Input on the metrics page that cannot be used; the message says what to change. */
	static final class InvalidInputException extends RuntimeException {

		InvalidInputException(String message) {
			super(message);
		}

	}

	static MetricsPeriod preset(Preset preset, Instant now) {
		return new MetricsPeriod(preset.key, now.minus(preset.length), now, null, null);
	}

	/**
	 * The period from the request: a preset when one is named (24h, 7d, 30d); whole days when the preset is
	 * "custom" or absent and a date is given ({@code to} defaults to today); else {@value #DEFAULT_PRESET}.
	 */
	static MetricsPeriod parse(String preset, String from, String to, Instant now) {
		boolean hasPreset = preset != null && !preset.isBlank();
		if (hasPreset && !CUSTOM.equals(preset)) {
			Preset p = Preset.of(preset);
			if (p == null) {
				throw new InvalidInputException(
						"Unknown period \"" + preset + "\": choose 24h, 7d or 30d, or enter dates.");
			}
			return preset(p, now);
		}
		boolean hasFrom = from != null && !from.isBlank();
		boolean hasTo = to != null && !to.isBlank();
		if (!hasPreset && !hasFrom && !hasTo) {
			return preset(Preset.of(DEFAULT_PRESET), now);
		}
		if (!hasFrom) {
			throw new InvalidInputException("Enter a start date (From) for a custom period, or pick a preset.");
		}
		LocalDate fromDate = date("From", from);
		LocalDate toDate = hasTo ? date("To", to) : LocalDate.ofInstant(now, ZoneOffset.UTC);
		if (toDate.isBefore(fromDate)) {
			throw new InvalidInputException(
					"The end date (To) " + toDate + " is before the start date (From) " + fromDate + ": swap them.");
		}
		return new MetricsPeriod(CUSTOM, fromDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
				toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), fromDate, toDate);
	}

	private static LocalDate date(String field, String text) {
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field + " must be a date like 2026-01-31 (year-month-day), not \""
					+ text.trim() + "\".");
		}
	}

}
