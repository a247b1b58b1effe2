package io.iterdef.agent.task;

import java.util.List;
import java.util.Map;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.transport.Uploads;

/** What an executor gets: the task's id, parameters, limits, its byte budget and the upload calls. */
public record TaskContext(String taskId, Map<String, Object> params, TaskLimits limits, Budget budget,
		Uploads uploads, List<String> uploadIds) {

	/** A required string parameter. */
	public String string(String name) {
		Object value = params.get(name);
		if (!(value instanceof String text) || text.isBlank()) {
			throw new TaskFailedException("parameter \"" + name + "\" is missing (a string is expected)");
		}
		return text;
	}

	/** An optional whole-number parameter, bounded. */
	public int integer(String name, int fallback, int min, int max) {
		Object value = params.get(name);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Number number && number.doubleValue() == number.longValue()
				&& number.longValue() >= min && number.longValue() <= max) {
			return number.intValue();
		}
		throw new TaskFailedException("parameter \"" + name + "\" must be a whole number from " + min + " to " + max
				+ " (was " + value + ")");
	}

}
