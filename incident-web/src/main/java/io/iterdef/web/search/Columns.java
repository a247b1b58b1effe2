package io.iterdef.web.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of the results table and of the CSV export: ECS field names, comma-separated in the URL. Names
 * are checked against a plain field-name shape (letters, digits, _ @ . -), so a column can never be anything
 * but a field path.
 */
public final class Columns {

	public static final List<String> DEFAULT = List.of("@timestamp", "host.name", "event.code", "event.action",
			"process.command_line", "user.name");

	static final int MAX = 20;

	private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_@.\\-]{0,99}");

	private Columns() {
	}

	/** The columns of a comma-separated list; blank gives the defaults. */
	public static List<String> parse(String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT;
		}
		Set<String> columns = new LinkedHashSet<>();
		for (String part : text.split(",")) {
			String field = part.strip();
			if (field.isEmpty()) {
				continue;
			}
			if (!FIELD.matcher(field).matches()) {
				throw new InvalidSearchException("Column '" + shorten(field)
						+ "' is not a field name: use ECS names like host.name or process.command_line, separated by commas.");
			}
			columns.add(field);
		}
		if (columns.isEmpty()) {
			return DEFAULT;
		}
		if (columns.size() > MAX) {
			throw new InvalidSearchException("At most " + MAX + " columns: remove some.");
		}
		return List.copyOf(new ArrayList<>(columns));
	}

	public static String join(List<String> columns) {
		return String.join(",", columns);
	}

	private static String shorten(String text) {
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}

}
