package io.iterdef.agent.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task leased to one agent. The agent runs it only when {@link TaskType#parse(String)} knows the type (the
 * allow-list), within the limits given here, and reports before the lease expires; else the server leases it
 * again (up to its retry budget).
 *
 * @param taskId the task's id (results are idempotent by it)
 * @param type the task type's wire name, e.g. "file.hash"
 * @param params the type's parameters (e.g. {"path": "C:\\Windows\\Temp\\x.exe"})
 * @param leaseExpiresAtEpochMillis when the lease ends
 * @param limits the time, CPU and byte budget
 */
public record TaskAssignment(String taskId, String type, Map<String, Object> params, long leaseExpiresAtEpochMillis,
		TaskLimits limits) {

	public TaskAssignment {
		// JSON null values are legal in a type's parameters and results; Map.copyOf would refuse them
		params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
	}

}
