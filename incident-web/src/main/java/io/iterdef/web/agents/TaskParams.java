package io.iterdef.web.agents;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.protocol.TaskType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * What an analyst may ask for on the pages: the protocol's allow-list without agent.update (only through the
 * update flow), an example of each type's parameters, and the parameters' JSON checked before the agent server
 * checks them again.
 */
public final class TaskParams {

	static final int MAX_PARAMS_CHARS = 16 * 1024;

	private static final Map<String, String> EXAMPLES = Map.of("agent.info", "{}", "process.list", "{}",
			"file.stat", "{\"path\": \"/etc/hosts\"}", "file.hash", "{\"path\": \"/usr/bin/ssh\"}",
			"dir.list", "{\"path\": \"/tmp\", \"maxDepth\": 1, \"maxEntries\": 1000}",
			"file.collect", "{\"path\": \"/var/log/auth.log\"}", "net.connections", "{}",
			"eventlog.query", "{\"channel\": \"Security\", \"query\": \"*[System[(EventID=4624)]]\", \"maxEvents\": 100}",
			"memory.scan", "{\"pid\": 1234, \"patterns\": [\"mimikatz\"]}");

	private TaskParams() {
	}

	/** The types a person may request here, in the protocol's order. */
	public static List<TaskType> requestable() {
		return Arrays.stream(TaskType.values()).filter(t -> t != TaskType.AGENT_UPDATE).toList();
	}

	/** Wire name to example parameters (JSON), in the protocol's order. */
	public static Map<String, String> examples() {
		Map<String, String> examples = new LinkedHashMap<>();
		requestable().forEach(t -> examples.put(t.wireName(), EXAMPLES.getOrDefault(t.wireName(), "{}")));
		return examples;
	}

	/** The type, or an error naming the allowed ones. */
	static TaskType type(String wireName) {
		return TaskType.parse(wireName == null ? "" : wireName.strip())
			.filter(t -> t != TaskType.AGENT_UPDATE)
			.orElseThrow(() -> new IllegalArgumentException("Task type '" + wireName + "' cannot be requested here: pick one of "
					+ requestable().stream().map(TaskType::wireName).toList()));
	}

	/** The parameters as a JSON object; an empty text is {}; anything else is refused with what to fix. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> parse(ObjectMapper json, String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		if (text.length() > MAX_PARAMS_CHARS) {
			throw new IllegalArgumentException("The parameters are " + text.length() + " characters long: at most "
					+ MAX_PARAMS_CHARS + " are allowed");
		}
		Object value;
		try {
			value = json.readValue(text, Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The parameters are not valid JSON (" + ex.getOriginalMessage()
					+ "): write a JSON object such as {\"path\": \"/etc/hosts\"}");
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("The parameters must be a JSON object such as {\"path\": \"/etc/hosts\"}");
		}
		return (Map<String, Object>) map;
	}

}
