package io.iterdef.kb.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rule's request for collection on a host (the iterdef.tasks value, key = host): raised by
 * {@code response.collect(...)} in a rule's action, tied to the rule and to the alert that action raised. The
 * {@code requestId} is {@code <alertId>:<type>:<n>} (n counts the requests of that type of the alert from 0), so a
 * replay repeats it and the agent server records it once. Immutable.
 */
public record TaskRequest(String requestId, String ruleId, String ruleName, String alertId, String host, String type,
		Map<String, Object> params, Instant requestedAt) {

	/** The JSON line type {@code iterdef detect} prints requests with (alerts have none). */
	public static final String RECORD_TYPE = "task-request";

	public TaskRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(type, "type");
		params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
	}

	/** The request record of the iterdef.tasks contract. */
	public ObjectNode toTree() {
		ObjectNode t = Json.MAPPER.createObjectNode();
		t.put("requestId", requestId);
		t.put("ruleId", ruleId);
		t.put("ruleName", ruleName);
		t.put("alertId", alertId);
		t.put("host", host);
		t.put("type", type);
		t.set("params", Json.MAPPER.valueToTree(params));
		t.put("requestedAt", requestedAt == null ? null : requestedAt.toString());
		return t;
	}

	public byte[] toJson() {
		return Json.write(toTree());
	}

	public String toJsonString() {
		return new String(toJson(), StandardCharsets.UTF_8);
	}

}
