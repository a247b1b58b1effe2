package io.iterdef.agent.server.task;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.server.agent.AgentRepository;
import io.iterdef.agent.server.system.ApiException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Queues tasks: only allow-listed types ({@link TaskType#parse}), a rule only the types a rule may request, an
 * agent that is enrolled, a bounded retry budget and expiry, idempotent by task id.
 */
@Service
public class TaskService {

	static final List<String> SOURCES = List.of("analyst", "rule", "hunt");

	private static final int MAX_PARAMS_CHARS = 16 * 1024;

	private static final Duration MAX_EXPIRY = Duration.ofDays(7);

	private final TaskRepository tasks;

	private final AgentRepository agents;

	private final JsonMapper json;

	private final long maxUploadBytes;

	private final Duration defaultExpiry;

	private final boolean approvalRequired;

	TaskService(TaskRepository tasks, AgentRepository agents, JsonMapper json,
			@Value("${iterdef.agent.max-upload-bytes}") long maxUploadBytes,
			@Value("${iterdef.agent.default-expiry:PT24H}") Duration defaultExpiry,
			@Value("${iterdef.agent.approval-required:true}") boolean approvalRequired) {
		this.tasks = tasks;
		this.agents = agents;
		this.json = json;
		this.maxUploadBytes = maxUploadBytes;
		this.defaultExpiry = defaultExpiry;
		this.approvalRequired = approvalRequired;
	}

	/** Queues a task and returns its id (the existing one's when the same id was queued before). */
	public UUID create(NewTask task) {
		TaskType type = TaskType.parse(task.type())
			.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
					"task type '" + task.type() + "' is not on the allow-list", "use one of " + wireNames()));
		if (!SOURCES.contains(task.source())) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "unknown task source '" + task.source() + "'",
					"use one of " + SOURCES);
		}
		if ("rule".equals(task.source()) && !type.ruleMayRequest()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "a rule may not request " + type.wireName(),
					"rules may request " + Arrays.stream(TaskType.values())
						.filter(TaskType::ruleMayRequest)
						.map(TaskType::wireName)
						.toList());
		}
		if (approvalRequired && type.needsApproval() && !"rule".equals(task.source())) {
			// Approvals are the next slice; until then such tasks are refused unless the operator turns the rule off.
			throw new ApiException(HttpStatus.FORBIDDEN, type.wireName() + " needs a second person's approval",
					"approvals are not available yet; set ITERDEF_AGENT_APPROVAL_REQUIRED=false to allow it without");
		}
		if (task.requestedBy() == null || task.requestedBy().isBlank() || task.requestedBy().length() > 200) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "no requester", "name who asks for the task (requestedBy)");
		}
		if (task.agentId() == null || !agents.isActive(task.agentId())) {
			throw new ApiException(HttpStatus.NOT_FOUND, "no enrolled agent " + task.agentId(),
					"task an agent that is enrolled and not revoked");
		}
		int maxAttempts = task.maxAttempts() == null ? 3 : task.maxAttempts();
		if (maxAttempts < 1 || maxAttempts > 10) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "maxAttempts " + maxAttempts + " is out of range",
					"use 1 to 10");
		}
		Duration expiresIn = task.expiresInSeconds() == null ? defaultExpiry
				: Duration.ofSeconds(task.expiresInSeconds());
		if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_EXPIRY) > 0) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "expiry " + expiresIn + " is out of range",
					"use 1 s to 7 days");
		}
		String params = json.writeValueAsString(task.params() == null ? Map.of() : task.params());
		if (params.length() > MAX_PARAMS_CHARS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "parameters too large",
					"at most " + MAX_PARAMS_CHARS + " characters of JSON");
		}
		TaskLimits limits = limits(type, task.timeoutMillis());
		UUID id = task.id() == null ? UUID.randomUUID() : task.id();
		if (!tasks.insert(id, task, type.wireName(), limits, maxAttempts, expiresIn)) {
			Optional<TaskRepository.TaskRow> existing = tasks.find(id);
			if (existing.isEmpty() || !existing.get().agentId().equals(task.agentId())
					|| !existing.get().type().equals(type.wireName())) {
				throw new ApiException(HttpStatus.CONFLICT, "task id " + id + " is taken by another task",
						"use a new id for a new task; the same id only repeats the same request");
			}
		}
		return id;
	}

	private TaskLimits limits(TaskType type, Long timeoutMillis) {
		TaskLimits budget = TaskBudgets.of(type, maxUploadBytes);
		if (timeoutMillis == null) {
			return budget;
		}
		if (timeoutMillis < 100 || timeoutMillis > budget.timeoutMillis()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "timeout " + timeoutMillis + " ms is out of range",
					"use 100 to " + budget.timeoutMillis() + " ms for " + type.wireName());
		}
		return new TaskLimits(timeoutMillis, Math.min(budget.cpuMillis(), timeoutMillis), budget.maxBytes());
	}

	static String wireNames() {
		return Arrays.stream(TaskType.values()).map(TaskType::wireName).collect(Collectors.joining(", "));
	}

}
