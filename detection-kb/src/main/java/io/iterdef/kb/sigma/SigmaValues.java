package io.iterdef.kb.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigma string values: parsed into literal text and wildcards ({@code *}, {@code ?}; a backslash escapes a wildcard
 * or a backslash and is literal before anything else, as pySigma reads them), and the value-changing modifiers
 * (base64, base64offset, wide, windash) that expand one value into its variants.
 */
final class SigmaValues {

	/** Windash expansion is exponential in the number of dashes: refuse values beyond this many variants. */
	static final int MAX_VARIANTS = 625;

	/** The characters windash accepts for a dash that starts a word (pySigma: -, /, en dash, em dash, horizontal bar). */
	static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");

	// pySigma's SigmaWindowsDashModifier: a '-' or '/' where a word starts (after nothing or a non-word character)
	private static final Pattern WORD_DASH = Pattern.compile("\\B[-/]\\b");

	enum Wildcard {
		STAR, ONE
	}

	/** A value: literal Strings and {@link Wildcard}s, consecutive literals merged. */
	record Value(List<Object> parts) {

		static Value parse(String s) {
			List<Object> parts = new ArrayList<>();
			StringBuilder lit = new StringBuilder();
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (c == '\\' && i + 1 < s.length() && "*?\\".indexOf(s.charAt(i + 1)) >= 0) {
					lit.append(s.charAt(++i));
				}
				else if (c == '*' || c == '?') {
					flush(parts, lit);
					parts.add(c == '*' ? Wildcard.STAR : Wildcard.ONE);
				}
				else {
					lit.append(c);
				}
			}
			flush(parts, lit);
			return new Value(List.copyOf(parts));
		}

		static Value literal(String s) {
			return new Value(s.isEmpty() ? List.of() : List.of(s));
		}

		boolean hasWildcards() {
			return parts.stream().anyMatch(p -> p instanceof Wildcard);
		}

		/** The literal text of a value without wildcards. */
		String text() {
			StringBuilder sb = new StringBuilder();
			parts.forEach(sb::append);
			return sb.toString();
		}

		Value withLeadingStar() {
			if (!parts.isEmpty() && parts.get(0) == Wildcard.STAR) {
				return this;
			}
			List<Object> p = new ArrayList<>();
			p.add(Wildcard.STAR);
			p.addAll(parts);
			return new Value(List.copyOf(p));
		}

		Value withTrailingStar() {
			if (!parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.STAR) {
				return this;
			}
			List<Object> p = new ArrayList<>(parts);
			p.add(Wildcard.STAR);
			return new Value(List.copyOf(p));
		}

		Value lower() {
			return new Value(parts.stream()
				.map(p -> p instanceof String s ? (Object) s.toLowerCase(java.util.Locale.ROOT) : p).toList());
		}

		/** The glob text SigmaMatch.glob reads: literal '*', '?' and '\' escaped with a backslash. */
		String glob() {
			StringBuilder sb = new StringBuilder();
			for (Object p : parts) {
				if (p == Wildcard.STAR) {
					sb.append('*');
				}
				else if (p == Wildcard.ONE) {
					sb.append('?');
				}
				else {
					for (char c : ((String) p).toCharArray()) {
						if (c == '*' || c == '?' || c == '\\') {
							sb.append('\\');
						}
						sb.append(c);
					}
				}
			}
			return sb.toString();
		}

		private static void flush(List<Object> parts, StringBuilder lit) {
			if (lit.length() > 0) {
				parts.add(lit.toString());
				lit.setLength(0);
			}
		}
	}

	private SigmaValues() {
	}

	/** Sigma {@code base64}: the value's bytes base64-encoded (padding kept). */
	static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * Sigma {@code base64offset}: the three base64 texts of the value at byte offsets 0, 1 and 2 of an encoded stream,
	 * without the edge characters that depend on the surrounding bytes (pySigma: encode 0, 1 or 2 leading spaces plus
	 * the value, drop 0, 2 or 3 leading characters and, by the total length modulo 3, 0, 3 or 2 trailing ones).
	 */
	static List<String> base64Offsets(byte[] value) {
		int[] start = { 0, 2, 3 };
		int[] endDrop = { 0, 3, 2 };
		List<String> out = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			byte[] shifted = new byte[value.length + i];
			for (int k = 0; k < i; k++) {
				shifted[k] = ' ';
			}
			System.arraycopy(value, 0, shifted, i, value.length);
			String b64 = base64(shifted);
			int drop = endDrop[(value.length + i) % 3];
			out.add(b64.substring(start[i], b64.length() - drop));
		}
		return out;
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] utf16le(String s) {
		return s.getBytes(StandardCharsets.UTF_16LE);
	}

	/**
	 * Sigma {@code windash}: every variant of the value with each word-starting '-' or '/' replaced by each of
	 * {@link #DASHES}.
	 */
	static List<Value> windash(Value v) {
		List<List<Object>> variants = new ArrayList<>();
		variants.add(new ArrayList<>());
		for (Object part : v.parts()) {
			List<String> texts = part instanceof String s ? dashVariants(s) : null;
			List<List<Object>> next = new ArrayList<>();
			for (List<Object> prefix : variants) {
				if (texts == null) {
					List<Object> p = new ArrayList<>(prefix);
					p.add(part);
					next.add(p);
				}
				else {
					for (String t : texts) {
						List<Object> p = new ArrayList<>(prefix);
						p.add(t);
						next.add(p);
					}
				}
			}
			if (next.size() > MAX_VARIANTS) {
				throw new SigmaRefusal("value too complex", "windash value '" + v.text() + "' has more than "
						+ MAX_VARIANTS + " variants");
			}
			variants = next;
		}
		return variants.stream().map(p -> new Value(List.copyOf(p))).toList();
	}

	private static List<String> dashVariants(String s) {
		Matcher m = WORD_DASH.matcher(s);
		List<Integer> positions = new ArrayList<>();
		while (m.find()) {
			positions.add(m.start());
		}
		List<String> out = new ArrayList<>(List.of(s));
		for (int pos : positions) {
			List<String> next = new ArrayList<>();
			for (String prefix : out) {
				for (String dash : DASHES) {
					next.add(prefix.substring(0, pos) + dash + prefix.substring(pos + 1));
				}
			}
			if (next.size() > MAX_VARIANTS) {
				throw new SigmaRefusal("value too complex", "windash value '" + s + "' has more than " + MAX_VARIANTS
						+ " variants");
			}
			out = next;
		}
		return out;
	}
}
