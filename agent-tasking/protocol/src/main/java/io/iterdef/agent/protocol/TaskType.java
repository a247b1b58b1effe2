package io.iterdef.agent.protocol;

import java.util.Optional;

/**
 * The allow-list of task types: an agent runs nothing else, and the server refuses to create anything else.
 * Never an arbitrary command. {@link #needsApproval()} marks the types an analyst's request needs a second
 * person's approval for (configurable on the server); {@link #ruleMayRequest()} the types a rule may queue.
 */
public enum TaskType {

	AGENT_INFO("agent.info", false, true),
	PROCESS_LIST("process.list", false, true),
	FILE_STAT("file.stat", false, true),
	FILE_HASH("file.hash", false, true),
	DIR_LIST("dir.list", false, true),
	FILE_COLLECT("file.collect", true, false),
	NET_CONNECTIONS("net.connections", false, true),
	EVENTLOG_QUERY("eventlog.query", true, false),
	MEMORY_SCAN("memory.scan", true, false),
	AGENT_UPDATE("agent.update", false, false);

	private final String wireName;

	private final boolean needsApproval;

	private final boolean ruleMayRequest;

	TaskType(String wireName, boolean needsApproval, boolean ruleMayRequest) {
		this.wireName = wireName;
		this.needsApproval = needsApproval;
		this.ruleMayRequest = ruleMayRequest;
	}

	public String wireName() {
		return wireName;
	}

	public boolean needsApproval() {
		return needsApproval;
	}

	public boolean ruleMayRequest() {
		return ruleMayRequest;
	}

	/** The type of a wire name; empty for anything outside the allow-list. */
	public static Optional<TaskType> parse(String wireName) {
		for (TaskType type : values()) {
			if (type.wireName.equals(wireName)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
