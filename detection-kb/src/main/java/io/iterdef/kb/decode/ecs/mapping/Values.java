package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Helpers shared by the mappings: Windows event data values are strings, often "-" or empty for "none", numbers in
 * hex ("0x1010", libevtx's zero-padded "0x00001010") or decimal, users as "DOMAIN\\user". ECS fields are written by
 * dotted path ({@code put(ecs, "process.parent.pid", ...)}); a field is only written when it has a value, so no
 * empty object is ever left behind.
 */
public final class Values {

	private Values() {
	}

	/** The value untouched, or null when it is null, blank or "-" (Windows' "none"). */
	public static String present(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return "-".equals(value.strip()) ? null : value;
	}

	/** As {@link #present(String)}, stripped of surrounding white space ("User32 " becomes "User32"). */
	public static String trimmed(String value) {
		String v = present(value);
		return v == null ? null : v.strip();
	}

	/**
	 * A number written in hex ("0x1010", "0x00001010", "0XBA8") or decimal ("4112", "-1"); null when absent or not
	 * a number. Hex is read unsigned (64 bits).
	 */
	public static Long number(String value) {
		String v = trimmed(value);
		if (v == null) {
			return null;
		}
		try {
			if (v.length() > 2 && v.charAt(0) == '0' && (v.charAt(1) == 'x' || v.charAt(1) == 'X')) {
				return Long.parseUnsignedLong(v.substring(2), 16);
			}
			return Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A hex identifier in one canonical form, "0x" and lower-case digits without padding ("0x00018A7875" -> "0x18a7875"). */
	public static String hexId(String value) {
		Long n = number(value);
		return n == null ? trimmed(value) : "0x" + Long.toHexString(n);
	}

	/** "DOMAIN\\user" as {domain, name}; a bare "user" as {null, name}; null when absent. */
	public static String[] user(String value) {
		String v = trimmed(value);
		if (v == null) {
			return null;
		}
		int slash = v.indexOf('\\');
		if (slash < 0) {
			return new String[] { null, v };
		}
		String domain = trimmed(v.substring(0, slash));
		String name = trimmed(v.substring(slash + 1));
		return name == null ? null : new String[] { domain, name };
	}

	/** The last component of a Windows (or POSIX) path; null when none. */
	public static String fileName(String path) {
		String p = trimmed(path);
		if (p == null) {
			return null;
		}
		return present(p.substring(lastSeparator(p) + 1));
	}

	/** The path up to its last separator; null when the path has no separator. */
	public static String directory(String path) {
		String p = trimmed(path);
		if (p == null) {
			return null;
		}
		int sep = lastSeparator(p);
		return sep <= 0 ? null : p.substring(0, sep);
	}

	/**
	 * The index of the last path separator: '\\' in a Windows path (one that has a backslash: a '/' there is more
	 * likely an argument such as "/background" than a separator), '/' in a POSIX one; -1 when none.
	 */
	private static int lastSeparator(String p) {
		int backslash = p.lastIndexOf('\\');
		return backslash >= 0 ? backslash : p.lastIndexOf('/');
	}

	/** The extension of the file name, without the dot ("exe"); null when none. */
	public static String extension(String path) {
		String name = fileName(path);
		if (name == null) {
			return null;
		}
		int dot = name.lastIndexOf('.');
		return dot < 0 || dot == name.length() - 1 ? null : name.substring(dot + 1);
	}

	/**
	 * Sysmon's "SHA1=..,MD5=..,SHA256=..,IMPHASH=.." as algorithm (lower-case, "sha256") to digest (lower-case); all-zero
	 * digests are left out (Sysmon writes them when it could not hash). Empty when absent.
	 */
	public static Map<String, String> hashes(String value) {
		Map<String, String> result = new LinkedHashMap<>();
		String v = trimmed(value);
		if (v == null) {
			return result;
		}
		for (String part : v.split(",")) {
			int eq = part.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String algo = part.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace("-", "");
			String digest = part.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
			if (!algo.isEmpty() && !digest.isEmpty() && !zeros(digest)) {
				result.put(algo, digest);
			}
		}
		return result;
	}

	private static boolean zeros(String digest) {
		for (int i = 0; i < digest.length(); i++) {
			if (digest.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

	/** The object at a dotted path, created on the way. */
	public static ObjectNode object(ObjectNode root, String path) {
		String[] keys = Path.of(path).keys;
		return walk(root, keys, keys.length);
	}

	/** The object at the first {@code count} keys, created on the way. */
	private static ObjectNode walk(ObjectNode root, String[] keys, int count) {
		ObjectNode node = root;
		for (int i = 0; i < count; i++) {
			node = node.withObjectProperty(keys[i]);
		}
		return node;
	}

	/**
	 * A dotted path split into its keys, once: every put of every mapping goes through here, and splitting the path
	 * each time (substrings, their hashes) showed in the decode profile. Paths are the mappings' own (a few hundred);
	 * past {@value #MAX_CACHED} the rest are split each time, so that paths built from record values cannot grow it.
	 */
	private record Path(String[] keys) {

		private static final int MAX_CACHED = 4096;

		private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();

		static Path of(String path) {
			Path p = CACHE.get(path);
			if (p == null) {
				p = split(path);
				if (CACHE.size() < MAX_CACHED) {
					CACHE.put(path, p);
				}
			}
			return p;
		}

		/** The keys between the dots (empty keys included, as the walk by indexOf had them). */
		private static Path split(String path) {
			List<String> keys = new ArrayList<>();
			int from = 0;
			while (true) {
				int dot = path.indexOf('.', from);
				if (dot < 0) {
					keys.add(path.substring(from));
					return new Path(keys.toArray(new String[0]));
				}
				keys.add(path.substring(from, dot));
				from = dot + 1;
			}
		}

		String leaf() {
			return this.keys[this.keys.length - 1];
		}

		ObjectNode parent(ObjectNode root) {
			return walk(root, this.keys, this.keys.length - 1);
		}

	}

	/** Sets a text field at a dotted path when the value is present (not null, blank or "-"); the value is kept as is. */
	public static void put(ObjectNode root, String path, String value) {
		String v = present(value);
		if (v != null) {
			Path p = Path.of(path);
			p.parent(root).put(p.leaf(), v);
		}
	}

	/** As {@link #put(ObjectNode, String, String)} with the value stripped of surrounding white space. */
	public static void putTrimmed(ObjectNode root, String path, String value) {
		put(root, path, trimmed(value));
	}

	/** Sets a number field (hex or decimal text) at a dotted path when the value is a number. */
	public static void putNumber(ObjectNode root, String path, String value) {
		putLong(root, path, number(value));
	}

	public static void putLong(ObjectNode root, String path, Long value) {
		if (value != null) {
			Path p = Path.of(path);
			p.parent(root).put(p.leaf(), value);
		}
	}

	public static void putBoolean(ObjectNode root, String path, Boolean value) {
		if (value != null) {
			Path p = Path.of(path);
			p.parent(root).put(p.leaf(), value);
		}
	}

	/** "true"/"false" (any case) as a boolean; null otherwise. */
	public static Boolean bool(String value) {
		String v = trimmed(value);
		if ("true".equalsIgnoreCase(v)) {
			return Boolean.TRUE;
		}
		return "false".equalsIgnoreCase(v) ? Boolean.FALSE : null;
	}

	/**
	 * {prefix}.executable and {prefix}.name from an image path; the name only when the path has a directory (as
	 * Elastic's pipelines do: Sysmon 20's Destination is a command, not a path).
	 */
	public static void putExecutable(ObjectNode root, String prefix, String path) {
		String p = trimmed(path);
		if (p == null) {
			return;
		}
		put(root, prefix + ".executable", p);
		if (directory(p) != null) {
			put(root, prefix + ".name", fileName(p));
		}
	}

	/** {prefix}.path, .name, .directory and .extension from a file path (ECS file fields). */
	public static void putFile(ObjectNode root, String prefix, String path) {
		String p = trimmed(path);
		if (p == null) {
			return;
		}
		put(root, prefix + ".path", p);
		put(root, prefix + ".name", fileName(p));
		put(root, prefix + ".directory", directory(p));
		put(root, prefix + ".extension", extension(p));
	}

	/** {prefix}.name and {prefix}.domain from "DOMAIN\\user". */
	public static void putUser(ObjectNode root, String prefix, String domainAndUser) {
		String[] u = user(domainAndUser);
		if (u != null) {
			put(root, prefix + ".name", u[1]);
			put(root, prefix + ".domain", u[0]);
		}
	}

	/** {prefix}.hash.* (and {prefix}.pe.imphash) from Sysmon's Hashes text. */
	public static void putHashes(ObjectNode root, String prefix, String hashes) {
		for (Map.Entry<String, String> h : hashes(hashes).entrySet()) {
			if ("imphash".equals(h.getKey())) {
				put(root, prefix + ".pe.imphash", h.getValue());
			}
			else {
				put(root, prefix + ".hash." + h.getKey(), h.getValue());
			}
		}
	}

}
