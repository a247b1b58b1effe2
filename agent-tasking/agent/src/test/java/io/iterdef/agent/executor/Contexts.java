package io.iterdef.agent.executor;

import java.util.ArrayList;
import java.util.Map;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.transport.Uploads;

final class Contexts {

	private Contexts() {
	}

	static TaskContext context(Map<String, Object> params, long maxBytes) {
		return context(params, maxBytes, null);
	}

	static TaskContext context(Map<String, Object> params, long maxBytes, Uploads uploads) {
		return new TaskContext("task-1", params, new TaskLimits(10_000, 10_000, maxBytes), new Budget(maxBytes),
				uploads, new ArrayList<>());
	}

}
