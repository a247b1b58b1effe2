package io.iterdef.agent.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;

/**
 * process.list: every process the agent's user can see (ProcessHandle): pid, ppid, executable, arguments, user
 * and start time, as far as the OS tells. Each entry counts its size against the byte budget.
 */
final class ProcessListExecutor implements TaskExecutor {

	@Override
	public Map<String, Object> execute(TaskContext context) {
		List<Map<String, Object>> processes = new ArrayList<>();
		ProcessHandle.allProcesses().forEach(process -> {
			Map<String, Object> entry = describe(process);
			context.budget().consume(entry.toString().length());
			processes.add(entry);
		});
		return Map.of("processes", processes, "count", processes.size());
	}

	static Map<String, Object> describe(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("pid", process.pid());
		process.parent().ifPresent(parent -> entry.put("ppid", parent.pid()));
		info.command().ifPresent(command -> entry.put("executable", command));
		info.arguments().ifPresent(arguments -> entry.put("args", List.of(arguments)));
		info.commandLine().ifPresent(line -> entry.put("commandLine", line));
		info.user().ifPresent(user -> entry.put("user", user));
		info.startInstant().ifPresent(start -> entry.put("start", start.toString()));
		return entry;
	}

}
