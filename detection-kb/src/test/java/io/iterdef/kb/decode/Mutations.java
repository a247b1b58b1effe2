package io.iterdef.kb.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Mutations of valid records for the property test: byte-level noise and structure-aware damage. */
final class Mutations {

	/** Replacements for a JSON value: other types, extremes, broken times and ids. */
	static final String[] JSON_VALUES = { "null", "true", "0", "-1", "1e400", "-9223372036854775809", "4294967296",
			"\"\"", "\" \"", "\"-\"", "\"0x\"", "\"0xZZ\"", "\"%%1833\"", "[]", "[1,{\"a\":null}]", "{}",
			"{\"x\":{\"y\":[]}}", "\"2026-13-45 25:61:61\"", "\"9999999-01-01 00:00:00\"", "\"+999999999-12-31T23:59:59Z\"",
			"\"2026-11-17T09:00:00+25:00\"", "\"\\u0000\\ud800\"", "\"" + "A".repeat(5000) + "\"" };

	/** Replacements inside XML or syslog text. */
	static final String[] TEXT_PIECES = { "<", ">", "&", "&#0;", "&bogus;", "]]>", "<![CDATA[", "<!DOCTYPE x [", "\"",
			"'", "\u0000", "\r\n", "<EventID>-1</EventID>", "<EventID>99999999999</EventID>", "<Data Name='x'/>",
			"</Event>", "<Event>", "SystemTime='nope'", "<999>", "<13>1 - - - - - ", "Feb 30 25:00:00 " };

	/** Characters that change a record's structure. */
	static final String SYNTAX = "{}[]\":,<>/\\\n\r\t 0-";

	private Mutations() {
	}

	static byte[] bytewise(byte[] seed, Random r, int count) {
		byte[] b = seed.clone();
		for (int i = 0; i < count && b.length > 0; i++) {
			int at = r.nextInt(b.length);
			switch (r.nextInt(6)) {
				case 0 -> b[at] = (byte) r.nextInt(256);
				case 1 -> b = Arrays.copyOf(b, at);
				case 2 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + r.nextInt(40)), b.length));
				case 3 -> b = concat(Arrays.copyOf(b, at), randomBytes(r, 1 + r.nextInt(8)), Arrays.copyOfRange(b, at, b.length));
				case 4 -> b = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, r.nextInt(b.length), b.length));
				default -> b[at] = (byte) SYNTAX.charAt(r.nextInt(SYNTAX.length()));
			}
		}
		return b;
	}

	static byte[] structural(byte[] seed, Random r, int count) {
		String s = new String(seed, StandardCharsets.UTF_8);
		for (int i = 0; i < count; i++) {
			s = s.trim().startsWith("{") ? jsonValue(s, r) : textPiece(s, r);
		}
		return s.getBytes(StandardCharsets.UTF_8);
	}

	/** Replaces the value after a random {@code ":"} with another JSON value (the document stays mostly JSON). */
	private static String jsonValue(String s, Random r) {
		int colon = s.indexOf("\":", r.nextInt(Math.max(1, s.length())));
		if (colon < 0) {
			colon = s.indexOf("\":");
		}
		if (colon < 0) {
			return s;
		}
		int start = colon + 2;
		int end = valueEnd(s, start);
		return s.substring(0, start) + JSON_VALUES[r.nextInt(JSON_VALUES.length)] + s.substring(end);
	}

	private static int valueEnd(String s, int start) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < s.length(); i++) {
			char c = s.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
					if (depth == 0) {
						return i + 1;
					}
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				if (depth == 0) {
					return i;
				}
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
			else if (c == ',' && depth == 0) {
				return i;
			}
		}
		return s.length();
	}

	private static String textPiece(String s, Random r) {
		int at = s.isEmpty() ? 0 : r.nextInt(s.length());
		int cut = Math.min(s.length(), at + r.nextInt(12));
		return s.substring(0, at) + TEXT_PIECES[r.nextInt(TEXT_PIECES.length)] + s.substring(cut);
	}

	private static byte[] randomBytes(Random r, int n) {
		byte[] b = new byte[n];
		r.nextBytes(b);
		return b;
	}

	private static byte[] concat(byte[]... parts) {
		int n = 0;
		for (byte[] p : parts) {
			n += p.length;
		}
		byte[] out = new byte[n];
		int at = 0;
		for (byte[] p : parts) {
			System.arraycopy(p, 0, out, at, p.length);
			at += p.length;
		}
		return out;
	}

}
