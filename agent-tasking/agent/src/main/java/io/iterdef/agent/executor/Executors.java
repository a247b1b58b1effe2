package io.iterdef.agent.executor;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.iterdef.agent.eventlog.EventLogQueryExecutor;
import io.iterdef.agent.memory.MemoryScanExecutor;
import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.task.TaskExecutor;

/** The executors of the task types this agent runs (a subset of the protocol's allow-list). */
public final class Executors {

	/** Every type of the allow-list. */
	static final Set<TaskType> SUPPORTED = Set.of(TaskType.values());

	private Executors() {
	}

	/** Every executor; agent.update runs {@code update}. */
	public static Map<TaskType, TaskExecutor> all(Map<String, String> labels, TaskExecutor update) {
		Map<TaskType, TaskExecutor> executors = all(labels);
		executors.put(TaskType.AGENT_UPDATE, update);
		return executors;
	}

	/** The executors of every type but agent.update. */
	public static Map<TaskType, TaskExecutor> all(Map<String, String> labels) {
		Map<TaskType, TaskExecutor> executors = new EnumMap<>(TaskType.class);
		executors.put(TaskType.AGENT_INFO, new AgentInfoExecutor(labels));
		executors.put(TaskType.PROCESS_LIST, new ProcessListExecutor());
		executors.put(TaskType.FILE_STAT, new FileStatExecutor());
		executors.put(TaskType.FILE_HASH, new FileHashExecutor());
		executors.put(TaskType.DIR_LIST, new DirListExecutor());
		executors.put(TaskType.FILE_COLLECT, new FileCollectExecutor());
		executors.put(TaskType.NET_CONNECTIONS, new NetConnectionsExecutor(Path.of("/proc")));
		executors.put(TaskType.MEMORY_SCAN, new MemoryScanExecutor(Path.of("/proc")));
		executors.put(TaskType.EVENTLOG_QUERY, new EventLogQueryExecutor());
		return executors;
	}

}
