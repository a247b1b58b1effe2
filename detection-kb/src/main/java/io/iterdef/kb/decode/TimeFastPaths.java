package io.iterdef.kb.decode;

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
 * leap seconds, clamped days, long years, lower-case 'z') keep the formatter's behaviour.
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
