package io.iterdef.agent.server.rules;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of iterdef.tasks, as the detect topology writes it: {@code {"requestId", "ruleId", "ruleName",
 * "alertId", "host", "type", "params", "requestedAt"}}. {@link #parse} never throws: a record it cannot use comes
 * back with {@link #problem()} set (and what fields it could read), so it is recorded as refused instead of
 * blocking the partition.
 *
 * @param problem why the record cannot be used, or null
 */
record RuleTaskRequest(String requestId, String ruleId, String ruleName, String alertId, String host, String type,
		Map<String, Object> params, String problem) {

	static final int MAX_ID_CHARS = 200;

	static final int MAX_HOST_CHARS = 255;

	static final String UNKNOWN = "unknown";

	/**
	 * Reads a record's value. {@code position} (topic-partition@offset) names a record without a usable request id,
	 * so its replay is recorded once too.
	 */
	static RuleTaskRequest parse(JsonMapper json, byte[] value, String position) {
		String fallbackId = "malformed:" + position;
		JsonNode node;
		try {
			node = value == null ? null : json.readTree(value);
		}
		catch (JacksonException ex) {
			return refused(fallbackId, null, null, null, null, "the record is not JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			return refused(fallbackId, null, null, null, null, "the record is not a JSON object");
		}
		String requestId = text(node, "requestId");
		String ruleId = text(node, "ruleId");
		String host = text(node, "host");
		String type = text(node, "type");
		String id = requestId == null || requestId.length() > MAX_ID_CHARS ? fallbackId : requestId;
		String problem = null;
		if (requestId == null) {
			problem = "no requestId";
		}
		else if (requestId.length() > MAX_ID_CHARS) {
			problem = "requestId longer than " + MAX_ID_CHARS + " characters";
		}
		else if (ruleId == null || ruleId.length() > MAX_ID_CHARS) {
			problem = "no ruleId (or longer than " + MAX_ID_CHARS + " characters)";
		}
		else if (host == null || host.length() > MAX_HOST_CHARS) {
			problem = "no host (or longer than " + MAX_HOST_CHARS + " characters)";
		}
		else if (type == null) {
			problem = "no type";
		}
		JsonNode params = node.get("params");
		if (problem == null && params != null && !params.isNull() && !params.isObject()) {
			problem = "params is not a JSON object";
		}
		boolean nul = node.toString().contains("\\u0000");
		if (nul && problem == null) {
			problem = "the record holds a NUL character (\\u0000), which PostgreSQL text cannot store";
		}
		Map<String, Object> paramMap = params == null || !params.isObject() || nul ? Map.of()
				: json.convertValue(params, LinkedHashMap.class);
		return new RuleTaskRequest(clean(id), clean(ruleId), clean(text(node, "ruleName")), clean(text(node, "alertId")),
				host == null ? null : clean(host.toLowerCase(Locale.ROOT)), clean(type), paramMap, problem);
	}

	boolean valid() {
		return problem == null;
	}

	/** rule_task_requests.rule_id, never null. */
	String ruleIdOrUnknown() {
		return ruleId == null ? UNKNOWN : ruleId;
	}

	String hostOrUnknown() {
		return host == null ? UNKNOWN : host;
	}

	String typeOrUnknown() {
		return type == null ? UNKNOWN : type;
	}

	/** The task's reason: "rule &lt;name&gt; (alert &lt;id&gt;)". */
	String reason() {
		return "rule " + (ruleName == null ? ruleId : ruleName) + " (alert " + (alertId == null ? "none" : alertId) + ")";
	}

	private static RuleTaskRequest refused(String id, String ruleId, String host, String type, String alertId,
			String problem) {
		return new RuleTaskRequest(id, ruleId, null, alertId, host, type, Map.of(), problem);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || !value.isValueNode()) {
			return null;
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	/** At most 1000 characters, without NUL (which PostgreSQL text refuses). */
	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String text = value.replace("\u0000", "");
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
