package io.iterdef.agent.server.task;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskType;

/** The time, CPU and byte budget of each task type (the most a task of that type gets). */
public final class TaskBudgets {

	private static final long MIB = 1024 * 1024;

	private TaskBudgets() {
	}

	/** The budget of a type; file.collect may read and upload up to {@code maxUploadBytes}. */
	public static TaskLimits of(TaskType type, long maxUploadBytes) {
		return switch (type) {
			case AGENT_INFO -> new TaskLimits(30_000, 5_000, MIB);
			case PROCESS_LIST, NET_CONNECTIONS -> new TaskLimits(60_000, 20_000, 4 * MIB);
			case FILE_STAT -> new TaskLimits(30_000, 5_000, MIB);
			case FILE_HASH -> new TaskLimits(300_000, 120_000, 4L * 1024 * MIB);
			case DIR_LIST -> new TaskLimits(120_000, 60_000, 8 * MIB);
			case FILE_COLLECT -> new TaskLimits(600_000, 120_000, maxUploadBytes);
			case EVENTLOG_QUERY -> new TaskLimits(300_000, 120_000, 16 * MIB);
			case MEMORY_SCAN -> new TaskLimits(600_000, 300_000, 2L * 1024 * MIB);
			case AGENT_UPDATE -> new TaskLimits(300_000, 60_000, maxUploadBytes);
		};
	}

}
