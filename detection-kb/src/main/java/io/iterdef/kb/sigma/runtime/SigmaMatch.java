package io.iterdef.kb.sigma.runtime;

import io.iterdef.kb.event.Event;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What DRL converted from Sigma calls at run time ({@code iterdef sigma convert}): the value tests that plain Java
 * string methods do not cover (wildcard globs, regexes, CIDR ranges) and the group keys of correlations. Generated
 * rules lower-case a field once and compare it with values lower-cased at conversion time; everything here is
 * null-safe (a missing field never matches).
 */
public final class SigmaMatch {

	private static final Map<String, Pattern> REGEXES = new ConcurrentHashMap<>();

	private static final Map<String, Cidr> CIDRS = new ConcurrentHashMap<>();

	private SigmaMatch() {
	}

	/** The text lower-cased (Locale.ROOT), or null. */
	public static String lower(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}

	/**
	 * Sigma wildcard match of the whole text: {@code *} any run of characters, {@code ?} one character, a backslash
	 * makes the next character literal. Case-sensitive: callers pass both sides lower-cased for Sigma's default
	 * case-insensitive matching. Iterative with backtracking to the last star (no regex, no recursion).
	 */
	public static boolean glob(String text, String pattern) {
		if (text == null) {
			return false;
		}
		int t = 0;
		int p = 0;
		int starP = -1;
		int starT = -1;
		int n = text.length();
		int m = pattern.length();
		while (t < n) {
			if (p < m) {
				char c = pattern.charAt(p);
				if (c == '*') {
					starP = ++p;
					starT = t;
					continue;
				}
				if (c == '?') {
					p++;
					t++;
					continue;
				}
				if (c == '\\' && p + 1 < m) {
					if (pattern.charAt(p + 1) == text.charAt(t)) {
						p += 2;
						t++;
						continue;
					}
				}
				else if (c == text.charAt(t)) {
					p++;
					t++;
					continue;
				}
			}
			if (starP < 0) {
				return false;
			}
			p = starP;
			t = ++starT;
		}
		while (p < m && pattern.charAt(p) == '*') {
			p++;
		}
		return p == m;
	}

	/** Sigma {@code re}: the Java regex found anywhere in the text (case-sensitive unless it says (?i)). */
	public static boolean regex(String text, String regex) {
		return text != null && REGEXES.computeIfAbsent(regex, Pattern::compile).matcher(text).find();
	}

	/**
	 * Sigma {@code cidr}: the text is an IPv4 or IPv6 address inside the range (an IPv4-mapped IPv6 address counts
	 * as its IPv4 address). Only address literals are parsed: a host name never causes a DNS lookup, it just does not
	 * match. No CIDR library is on detection-kb's classpath, and this is twenty lines.
	 */
	public static boolean cidr(String text, String range) {
		if (text == null) {
			return false;
		}
		byte[] address = address(text.trim());
		return address != null && CIDRS.computeIfAbsent(range, Cidr::parse).contains(address);
	}

	/** The group key of a correlation: the host, then each field's value lower-cased ("" when absent), joined by '|'. */
	public static String key(Event e, String... paths) {
		StringBuilder sb = new StringBuilder(e.getHostName() == null ? "" : e.getHostName());
		for (String path : paths) {
			String v = e.fieldString(path);
			sb.append('|').append(v == null ? "" : v.toLowerCase(Locale.ROOT));
		}
		return sb.toString();
	}

	/** A field's value lower-cased, or null when absent or empty: what a value_count correlation counts. */
	public static String value(Event e, String path) {
		String v = e.fieldString(path);
		return v == null || v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
	}

	/** The address bytes (4 or 16) of an IP literal, IPv4-mapped IPv6 as 4 bytes; null when not an IP literal. */
	static byte[] address(String s) {
		if (s.startsWith("[") && s.endsWith("]")) {
			s = s.substring(1, s.length() - 1);
		}
		int zone = s.indexOf('%');
		if (zone >= 0) {
			s = s.substring(0, zone);
		}
		if (s.isEmpty()) {
			return null;
		}
		boolean v6 = s.indexOf(':') >= 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = c == '.' || c >= '0' && c <= '9' || v6 && (c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
			if (!ok) {
				return null;
			}
		}
		if (!v6) {
			return ipv4(s);
		}
		try {
			// an IPv6 literal (only hex digits, ':' and '.') is parsed without any lookup
			return InetAddress.getByName(s).getAddress();
		}
		catch (UnknownHostException e) {
			return null;
		}
	}

	/** Dotted-quad IPv4 parsed here: InetAddress would try a DNS lookup for "999.1.1.1". */
	private static byte[] ipv4(String s) {
		String[] parts = s.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] b = new byte[4];
		for (int i = 0; i < 4; i++) {
			if (parts[i].isEmpty() || parts[i].length() > 3) {
				return null;
			}
			int n = Integer.parseInt(parts[i]);
			if (n > 255) {
				return null;
			}
			b[i] = (byte) n;
		}
		return b;
	}

	private record Cidr(byte[] network, int bits) {

		static Cidr parse(String range) {
			String r = range.trim();
			int slash = r.indexOf('/');
			byte[] net = address(slash < 0 ? r : r.substring(0, slash));
			if (net == null) {
				throw new IllegalArgumentException("not a CIDR range: " + range);
			}
			int bits = slash < 0 ? net.length * 8 : Integer.parseInt(r.substring(slash + 1));
			if (bits < 0 || bits > net.length * 8) {
				throw new IllegalArgumentException("not a CIDR range: " + range);
			}
			return new Cidr(net, bits);
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			BigInteger mask = bits == 0 ? BigInteger.ZERO
					: BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(address.length * 8 - bits);
			return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
		}
	}
}
