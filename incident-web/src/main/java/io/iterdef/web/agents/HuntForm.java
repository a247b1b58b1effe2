package io.iterdef.web.agents;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

/**
 * The new-hunt form, every field as typed (text), turned into the admin API's body by {@link #body}: labels as
 * "key=value, key=value", the last-seen window in minutes, the expiry in hours.
 */
public record HuntForm(String name, String type, String params, String labels, String os, String seenWithinMinutes,
		String ratePerMinute, String clientLimit, String expiresInHours, String reason) {

	static HuntForm empty() {
		return new HuntForm("", "process.list", "{}", "", "", "", "10", "100", "24", "");
	}

	Map<String, Object> body(ObjectMapper json) {
		if (name == null || name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("Name the hunt (1 to 200 characters)");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name.strip());
		body.put("type", TaskParams.type(type).wireName());
		body.put("params", TaskParams.parse(json, params));
		body.put("targetLabels", labels(labels));
		if (os != null && !os.isBlank()) {
			body.put("targetOs", os.strip());
		}
		if (seenWithinMinutes != null && !seenWithinMinutes.isBlank()) {
			body.put("targetSeenWithinSeconds", number("Seen within (minutes)", seenWithinMinutes, 1, 525_600) * 60);
		}
		body.put("ratePerMinute", number("Agents per minute", ratePerMinute, 1, 100_000));
		body.put("clientLimit", number("Client limit", clientLimit, 1, 1_000_000));
		body.put("expiresInSeconds", number("Expires in (hours)", expiresInHours, 1, 168) * 3600);
		if (reason != null && !reason.isBlank()) {
			body.put("reason", reason.strip());
		}
		return body;
	}

	/** "site=fra, role=dc" as a map; an entry without '=' is refused. */
	static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return labels;
		}
		for (String entry : text.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int eq = entry.indexOf('=');
			if (eq <= 0 || entry.substring(0, eq).isBlank()) {
				throw new IllegalArgumentException("Label '" + entry.strip() + "' is not key=value: write e.g. site=fra, role=dc");
			}
			labels.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
		}
		return labels;
	}

	private static long number(String field, String text, long min, long max) {
		try {
			long value = Long.parseLong(text == null ? "" : text.strip());
			if (value < min || value > max) {
				throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", not " + value);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(field + " must be a whole number between " + min + " and " + max);
		}
	}

}
