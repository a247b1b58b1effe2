package io.iterdef.agent.server.task;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.server.agent.Agent;
import io.iterdef.agent.server.system.ApiException;
import io.iterdef.agent.server.upload.UploadService;
import io.iterdef.agent.server.upload.UploadedFile;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task's result: accepted only from the agent holding the lease, idempotent by task id, stored, and published to
 * iterdef.raw in the same transaction (a broker that does not acknowledge rolls it back: 503, the agent retries).
 */
@Service
class ResultService {

	/** The most a result's data may hold as JSON (and never more than the task's byte budget). */
	static final int MAX_RESULT_CHARS = 4 * 1024 * 1024;

	private final TaskRepository tasks;

	private final UploadService uploads;

	private final ResultPublisher publisher;

	private final JsonMapper json;

	ResultService(TaskRepository tasks, UploadService uploads, ResultPublisher publisher, JsonMapper json) {
		this.tasks = tasks;
		this.uploads = uploads;
		this.publisher = publisher;
		this.json = json;
	}

	@Transactional
	void accept(Agent agent, UUID taskId, TaskResult result) {
		TaskRepository.TaskRow task = tasks.find(taskId)
			.filter(t -> t.agentId().equals(agent.id()))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no task " + taskId + " for this agent",
					"answer only the tasks your polls returned"));
		if (!"leased".equals(task.state())) {
			if (task.hasResult()) {
				return; // the same result again (a retry after a lost answer): nothing to do
			}
			throw new ApiException(HttpStatus.CONFLICT, "task " + taskId + " is " + task.state() + ", not leased to you",
					"the lease ran out before the result came; drop it (the task was re-queued, failed or expired)");
		}
		String status = result.status();
		if (!TaskResult.SUCCEEDED.equals(status) && !TaskResult.FAILED.equals(status)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "unknown status '" + status + "'",
					"send \"succeeded\" or \"failed\"");
		}
		String data = json.writeValueAsString(result.data());
		if (data.length() > Math.min(MAX_RESULT_CHARS, task.maxBytes())) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "result data of " + data.length() + " characters is too large",
					"at most " + Math.min(MAX_RESULT_CHARS, task.maxBytes()) + "; upload large output as a file");
		}
		String error = result.error() == null ? null : truncate(result.error(), 2000);
		List<UploadedFile> files = uploads.completeUploads(taskId, result.uploadIds());
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("data", result.data());
		stored.put("uploads", files);
		Optional<TaskRepository.FinishedTask> finished = tasks.finish(taskId, agent.id(), status,
				json.writeValueAsString(stored), TaskResult.FAILED.equals(status) ? error : null);
		if (finished.isEmpty()) {
			throw new ApiException(HttpStatus.CONFLICT, "task " + taskId + " is no longer leased to you",
					"the lease ran out while the result came; drop it");
		}
		long received = System.currentTimeMillis();
		publisher.publish(agent.hostname(), agent.id().toString(),
				json.writeValueAsBytes(AgentResultRecord.of(agent, finished.get(), status, error, result.data(), files)),
				received);
	}

	private static String truncate(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

	/** Instant as ISO-8601 in the record. */
	static String iso(Instant instant) {
		return instant.toString();
	}

}
