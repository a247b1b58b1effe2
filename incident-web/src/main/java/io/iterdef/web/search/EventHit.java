package io.iterdef.web.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One event of a search result: its index and id, the whole _source (for expanding the row and for NDJSON)
 * and its page token (for search_after).
 *
 * @param index the index it was found in (events-YYYY.MM.DD)
 * @param id the document id (= event.id)
 * @param source the whole event as stored
 * @param token the sort values of this hit as a page token
 */
public record EventHit(String index, String id, Map<String, Object> source, PageToken token) {

	/** The value of a dotted field ("process.parent.pid"): nested objects or a literal dotted key; lists joined. */
	public String value(String field) {
		return text(lookup(source, field));
	}

	@SuppressWarnings("unchecked")
	static Object lookup(Map<String, Object> source, String field) {
		if (source == null) {
			return null;
		}
		if (source.containsKey(field)) {
			return source.get(field);
		}
		int dot = field.indexOf('.');
		while (dot > 0) {
			Object head = source.get(field.substring(0, dot));
			if (head instanceof Map<?, ?> nested) {
				Object found = lookup((Map<String, Object>) nested, field.substring(dot + 1));
				if (found != null) {
					return found;
				}
			}
			dot = field.indexOf('.', dot + 1);
		}
		return null;
	}

	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return list.stream().map(EventHit::text).collect(Collectors.joining(", "));
		}
		return String.valueOf(value);
	}

}
