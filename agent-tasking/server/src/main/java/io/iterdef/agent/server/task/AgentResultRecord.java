package io.iterdef.agent.server.task;

import java.util.List;
import java.util.Map;

import io.iterdef.agent.server.agent.Agent;
import io.iterdef.agent.server.upload.UploadedFile;

/**
 * The value of an agent-result record on iterdef.raw (JSON; key = host name; header iterdef.format =
 * agent-result). The normalize topology turns it into events: {@code host} is host.name, {@code finishedAt} the
 * event time, {@code taskType} says how to read {@code data}.
 */
record AgentResultRecord(String recordType, int version, String taskId, String taskType, Map<String, Object> params,
		String status, String error, String finishedAt, int attempt, String requestedBy, String source, String host,
		String os, String agentId, Map<String, Object> data, List<UploadedFile> uploads) {

	static final String RECORD_TYPE = "agent-result";

	static AgentResultRecord of(Agent agent, TaskRepository.FinishedTask task, String status, String error,
			Map<String, Object> data, List<UploadedFile> uploads) {
		return new AgentResultRecord(RECORD_TYPE, 1, task.id().toString(), task.type(), task.params(), status, error,
				ResultService.iso(task.finishedAt()), task.attempt(), task.requestedBy(), task.source(),
				agent.hostname(), agent.os(), agent.id().toString(), data, uploads);
	}

}
