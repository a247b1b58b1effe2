package io.iterdef.agent.task;

import java.util.Map;

/** Runs one task type; returns the result's data, or throws {@link TaskFailedException} with the reason. */
public interface TaskExecutor {

	Map<String, Object> execute(TaskContext context) throws Exception;

}
