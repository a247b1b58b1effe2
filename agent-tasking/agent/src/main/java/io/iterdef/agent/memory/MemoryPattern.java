package io.iterdef.agent.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.task.TaskFailedException;

/**
 * A memory.scan pattern: {@code {"hex": "4d5a90"}} or {@code {"text": "mimikatz", "encoding": "utf8"|"utf16le"}},
 * as bytes. At most {@value #MAX_PATTERNS} patterns of 1 to {@value #MAX_BYTES} bytes each.
 *
 * @param label what the hit reports as "pattern" (the hex digits or the text)
 */
record MemoryPattern(String label, byte[] bytes) {

	static final int MAX_PATTERNS = 16;

	static final int MAX_BYTES = 256;

	static List<MemoryPattern> parse(Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw new TaskFailedException("parameter \"patterns\" must be a list of 1 to " + MAX_PATTERNS
					+ " patterns, each {\"hex\": \"4d5a90\"} or {\"text\": \"...\", \"encoding\": \"utf8\"|\"utf16le\"}");
		}
		if (list.size() > MAX_PATTERNS) {
			throw new TaskFailedException("at most " + MAX_PATTERNS + " patterns per memory.scan (got " + list.size()
					+ "); split the scan into several tasks");
		}
		List<MemoryPattern> patterns = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			patterns.add(one(list.get(i), i));
		}
		return patterns;
	}

	private static MemoryPattern one(Object value, int index) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new TaskFailedException("pattern " + index + " must be an object with \"hex\" or \"text\"");
		}
		Object hex = map.get("hex");
		Object text = map.get("text");
		MemoryPattern pattern;
		if (hex instanceof String digits && text == null) {
			String clean = digits.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
			if (clean.isEmpty() || clean.length() % 2 != 0 || !clean.matches("[0-9a-f]+")) {
				throw new TaskFailedException("pattern " + index + ": \"hex\" must be an even number of hex digits"
						+ " (spaces allowed), e.g. \"4d 5a 90\"");
			}
			pattern = new MemoryPattern(clean, HexFormat.of().parseHex(clean));
		}
		else if (text instanceof String string && hex == null && !string.isEmpty()) {
			Object encoding = map.get("encoding") == null ? "utf8" : map.get("encoding");
			byte[] bytes = switch (String.valueOf(encoding)) {
				case "utf8" -> string.getBytes(StandardCharsets.UTF_8);
				case "utf16le" -> string.getBytes(StandardCharsets.UTF_16LE);
				default -> throw new TaskFailedException("pattern " + index + ": encoding must be utf8 or utf16le (was "
						+ encoding + ")");
			};
			pattern = new MemoryPattern(string, bytes);
		}
		else {
			throw new TaskFailedException("pattern " + index + " must have exactly one of \"hex\" or \"text\""
					+ " (a non-empty string)");
		}
		if (pattern.bytes().length > MAX_BYTES) {
			throw new TaskFailedException("pattern " + index + " is " + pattern.bytes().length
					+ " bytes; a pattern may have at most " + MAX_BYTES);
		}
		return pattern;
	}

}
