package io.iterdef.kb.decode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;

/**
 * Hand-written parsing of the one time shape nearly every record carries ({@code 2023-08-15T05:34:00.346Z},
 * {@code 2020-10-18 07:50:06.220}): java.time's formatters with optional sections cost a large part of a decode.
 * Each method accepts only text that is plainly valid (4-digit year from 1, real calendar date, hour 0-23, minute and
 * second 0-59, 1 to 9 fractional digits) and returns null for anything else, so that the caller falls back to its
 * formatter: whatever is accepted here, the formatter would have parsed to the same value; edge cases (24:00,
 * leap seconds, clamped days, long years, lower-case 'z') keep the formatter's behaviour. {@link #format} writes an
 * instant as Instant.toString does, for @timestamp and event.ingested of every event.
 */
public final class TimeFastPaths {

	private TimeFastPaths() {
	}

	/** {@code yyyy-MM-dd HH:mm:ss[.fraction]} or with 'T', no zone; null when the text is not exactly that. */
	public static LocalDateTime local(String t) {
		int n = t.length();
		if (n < 19 || (t.charAt(10) != ' ' && t.charAt(10) != 'T')) {
			return null;
		}
		return dateTime(t, n);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} as an instant; null when the text is not exactly that. */
	public static Instant utc(String t) {
		int n = t.length();
		if (n < 20 || t.charAt(10) != 'T' || t.charAt(n - 1) != 'Z') {
			return null;
		}
		LocalDateTime local = dateTime(t, n - 1);
		return local == null ? null : local.toInstant(ZoneOffset.UTC);
	}

	/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds: the years Instant.toString writes as yyyy. */
	private static final long FIRST_FOUR_DIGIT_YEAR = -62_167_219_200L;

	private static final long LAST_FOUR_DIGIT_YEAR = 253_402_300_799L;

	/**
	 * Exactly {@link Instant#toString()} ({@code 2023-08-15T05:34:00.346Z}: the fraction in groups of three digits,
	 * none when zero, seconds always written), without its formatter; years outside 0000-9999 are left to it.
	 */
	public static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds > LAST_FOUR_DIGIT_YEAR) {
			return instant.toString();
		}
		LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
		int nano = instant.getNano();
		int fractionDigits = nano == 0 ? 0 : nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
		byte[] text = new byte[20 + (fractionDigits == 0 ? 0 : fractionDigits + 1)];
		put(text, 0, t.getYear(), 4);
		text[4] = '-';
		put(text, 5, t.getMonthValue(), 2);
		text[7] = '-';
		put(text, 8, t.getDayOfMonth(), 2);
		text[10] = 'T';
		put(text, 11, t.getHour(), 2);
		text[13] = ':';
		put(text, 14, t.getMinute(), 2);
		text[16] = ':';
		put(text, 17, t.getSecond(), 2);
		if (fractionDigits > 0) {
			text[19] = '.';
			put(text, 20, fractionDigits == 3 ? nano / 1_000_000 : fractionDigits == 6 ? nano / 1_000 : nano,
					fractionDigits);
		}
		text[text.length - 1] = 'Z';
		return new String(text, StandardCharsets.ISO_8859_1);
	}

	/** Writes value as {@code count} decimal digits, zero-padded, at text[from]. */
	private static void put(byte[] text, int from, int value, int count) {
		for (int i = from + count - 1; i >= from; i--) {
			text[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
	}

	/** Date and time from t[0, end): yyyy-MM-dd?HH:mm:ss[.f{1,9}] (the separator at 10 is checked by the caller). */
	private static LocalDateTime dateTime(String t, int end) {
		if (t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(13) != ':' || t.charAt(16) != ':') {
			return null;
		}
		int year = digits(t, 0, 4);
		int month = digits(t, 5, 2);
		int day = digits(t, 8, 2);
		int hour = digits(t, 11, 2);
		int minute = digits(t, 14, 2);
		int second = digits(t, 17, 2);
		if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
			return null;
		}
		int nano = 0;
		if (end > 19) {
			int fractionDigits = end - 20;
			if (t.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			nano = digits(t, 20, fractionDigits);
			if (nano < 0) {
				return null;
			}
			for (int i = fractionDigits; i < 9; i++) {
				nano *= 10;
			}
		}
		return LocalDateTime.of(year, month, day, hour, minute, second, nano);
	}

	/** The decimal value of t[from, from + count), or -1 when a character is not an ASCII digit. */
	private static int digits(String t, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = t.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static int lengthOfMonth(int year, int month) {
		return switch (month) {
			case 2 -> Year.isLeap(year) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

}
