package io.iterdef.kb.decode.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The envelope of an agent-result record (the agent server's AgentResultRecord): which task, on which host, when,
 * by whom, and whether it succeeded. {@link #data} is the executor's result, read per task type by
 * {@link AgentItems}.
 */
record AgentResult(String taskId, String taskType, String status, String error, Instant finishedAt, Long attempt,
		String requestedBy, String source, String ruleId, String alertId, String host, String os, String agentId,
		JsonNode params, JsonNode data, JsonNode uploads) {

	static final String RECORD_TYPE = "agent-result";

	static final String SUCCEEDED = "succeeded";

	static final String FAILED = "failed";

	static boolean is(JsonNode json) {
		return json != null && RECORD_TYPE.equals(EcsTree.text(json, "recordType"));
	}

	/** Reads and checks the envelope; refuses a record that lacks what an event needs, saying what. */
	static AgentResult parse(ObjectNode json, byte[] trimmed) throws DecodeException {
		if (!is(json)) {
			throw DecodeContext.refuse("not an agent-result record (recordType is "
					+ (json.has("recordType") ? "'" + EcsTree.text(json, "recordType") + "'" : "missing") + ")", trimmed);
		}
		String taskId = required(json, "taskId", trimmed);
		String taskType = required(json, "taskType", trimmed);
		String status = required(json, "status", trimmed).toLowerCase(Locale.ROOT);
		if (!SUCCEEDED.equals(status) && !FAILED.equals(status)) {
			throw DecodeContext.refuse("agent-result status '" + status + "' is neither succeeded nor failed", trimmed);
		}
		String finished = required(json, "finishedAt", trimmed);
		Instant finishedAt;
		try {
			finishedAt = Instant.parse(finished);
		}
		catch (DateTimeParseException e) {
			throw DecodeContext.refuse("agent-result finishedAt '" + finished + "' is not an ISO-8601 instant", trimmed);
		}
		String host = required(json, "host", trimmed);
		JsonNode data = json.get("data");
		if (SUCCEEDED.equals(status) && (data == null || !data.isObject())) {
			throw DecodeContext.refuse("agent-result of a succeeded " + taskType + " task has no data object", trimmed);
		}
		String source = EcsTree.text(json, "source");
		String ruleId = EcsTree.text(json, "ruleId");
		if (ruleId == null && "rule".equals(source)) {
			ruleId = EcsTree.text(json, "requestedBy"); // the server records a rule's tasks as requested by its id
		}
		return new AgentResult(taskId, taskType, status, EcsTree.text(json, "error"), finishedAt,
				EcsTree.number(json, "attempt"), EcsTree.text(json, "requestedBy"), source, ruleId,
				EcsTree.text(json, "alertId"), host.trim().toLowerCase(Locale.ROOT), EcsTree.text(json, "os"),
				EcsTree.text(json, "agentId"), json.get("params"), data, json.get("uploads"));
	}

	boolean failed() {
		return FAILED.equals(status);
	}

	/** A parameter of the task as text, or null. */
	String param(String name) {
		return params != null && params.isObject() ? EcsTree.text(params, name) : null;
	}

	private static String required(ObjectNode json, String field, byte[] trimmed) throws DecodeException {
		String value = EcsTree.text(json, field);
		if (value == null || value.isBlank()) {
			throw DecodeContext.refuse("agent-result without " + field, trimmed);
		}
		return value;
	}

}
