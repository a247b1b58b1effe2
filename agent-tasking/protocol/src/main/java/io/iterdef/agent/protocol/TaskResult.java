package io.iterdef.agent.protocol;

import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a task found, or why it failed. The server publishes it to iterdef.raw as an agent-result record
 * (with the agent's host), which the normalize topology turns into events that rules see.
 *
 * @param status "succeeded" or "failed"
 * @param error why it failed (null when it succeeded)
 * @param data the type's result (e.g. {"processes": [...]}, {"sha256": "..."})
 * @param uploadIds files uploaded for the task (file.collect), finished before the result is sent
 */
public record TaskResult(String status, String error, Map<String, Object> data, List<String> uploadIds) {

	public static final String SUCCEEDED = "succeeded";

	public static final String FAILED = "failed";

	public TaskResult {
		// JSON null values are legal in a type's parameters and results; Map.copyOf would refuse them
		data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
		uploadIds = uploadIds == null ? List.of() : List.copyOf(uploadIds);
	}

}
