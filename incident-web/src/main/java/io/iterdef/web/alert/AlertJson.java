package io.iterdef.web.alert;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.iterdef.web.incident.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The alert JSON of the iterdef.alerts topic (the contract's shape, written by detection-kb's
 * {@code Alert.toJson()}), parsed and checked. {@code events} and {@code raw} stay JSON text for the
 * jsonb columns. {@code suppressedCount} (0 when absent) and {@code lastSuppressedAt} (null when none)
 * come from {@code suppressed_count} and {@code last_suppressed_at}: the same alert id arrives again with
 * them when the rule suppressed further matches.
 */
record AlertJson(String id, Instant timestamp, String ruleId, String ruleName, Severity severity,
		List<String> attack, String hostName, String groupKey, List<String> eventIds, String events, String raw,
		long suppressedCount, Instant lastSuppressedAt) {

	static final int MAX_ID_LENGTH = 200;

	static AlertJson parse(ObjectMapper mapper, String json) {
		if (json == null || json.isBlank()) {
			throw new AlertParseException("empty alert record");
		}
		JsonNode root;
		try {
			root = mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new AlertParseException("not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new AlertParseException("alert is not a JSON object");
		}
		String id = required(root, "id");
		if (id.length() > MAX_ID_LENGTH) {
			throw new AlertParseException("id longer than " + MAX_ID_LENGTH + " characters");
		}
		JsonNode rule = root.path("rule");
		String severityText = required(rule, "rule.severity", "severity");
		Severity severity = Severity.parse(severityText);
		if (severity == null) {
			throw new AlertParseException("unknown rule.severity '" + severityText + "' in alert " + id);
		}
		String hostName = text(root.path("host").path("name"));
		String groupKey = text(root.path("group_key"));
		if (groupKey == null) {
			groupKey = hostName;
		}
		if (groupKey == null) {
			throw new AlertParseException("alert " + id + " has neither group_key nor host.name");
		}
		JsonNode events = root.path("events");
		if (!events.isMissingNode() && !events.isArray()) {
			throw new AlertParseException("events of alert " + id + " is not an array");
		}
		return new AlertJson(id, timestamp(root, id), required(rule, "rule.id", "id"),
				required(rule, "rule.name", "name"), severity, strings(rule.path("attack")), hostName, groupKey,
				strings(root.path("event_ids")), events.isArray() ? jsonb(mapper.writeValueAsString(events)) : "[]",
				jsonb(mapper.writeValueAsString(root)), suppressedCount(root, id), lastSuppressedAt(root, id));
	}

	private static long suppressedCount(JsonNode root, String id) {
		JsonNode count = root.path("suppressed_count");
		if (count.isMissingNode() || count.isNull()) {
			return 0;
		}
		if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
			throw new AlertParseException("suppressed_count of alert " + id + " is not a non-negative integer");
		}
		return count.asLong();
	}

	private static Instant lastSuppressedAt(JsonNode root, String id) {
		String text = text(root.path("last_suppressed_at"));
		if (text == null) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new AlertParseException("bad last_suppressed_at '" + text + "' in alert " + id, ex);
		}
	}

	/** PostgreSQL text and jsonb cannot hold U+0000: it becomes U+FFFD (only an escape not itself escaped). */
	static String jsonb(String json) {
		return json.indexOf("\\u0000") < 0 ? json : NUL_ESCAPE.matcher(json).replaceAll("$1\\\\ufffd");
	}

	private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");

	private static Instant timestamp(JsonNode root, String id) {
		String text = required(root, "@timestamp");
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new AlertParseException("bad @timestamp '" + text + "' in alert " + id, ex);
		}
	}

	private static String required(JsonNode node, String name) {
		return required(node, name, name);
	}

	private static String required(JsonNode node, String displayName, String field) {
		String value = text(node.path(field));
		if (value == null) {
			throw new AlertParseException("missing " + displayName);
		}
		return value;
	}

	private static String text(JsonNode node) {
		if (node == null || !node.isValueNode() || node.isNull()) {
			return null;
		}
		String value = node.asString().replace('\u0000', '\ufffd').trim();
		return value.isEmpty() ? null : value;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode v : node.values()) {
				String s = text(v);
				if (s != null) {
					values.add(s);
				}
			}
		}
		else {
			String s = text(node);
			if (s != null) {
				values.add(s);
			}
		}
		return List.copyOf(values);
	}

}
