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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Queues tasks: only allow-listed types ({@link TaskType#parse}), a rule only the types a rule may request, an
 * agent that is enrolled, a bounded retry budget and expiry, idempotent by task id. An analyst's task of a type
 * that needs approval waits in awaiting_approval (see io.iterdef.agent.server.approval).
 */
@Service
public class TaskService {

	static final List<String> SOURCES = List.of("analyst", "rule", "hunt");

	static final String QUEUED = "queued";

	static final String AWAITING_APPROVAL = "awaiting_approval";

	static final int MAX_REASON_CHARS = 2000;

	private static final int MAX_PARAMS_CHARS = 16 * 1024;

	private static final Duration MAX_EXPIRY = Duration.ofDays(7);

	private final TaskRepository tasks;

	private final AgentRepository agents;

	private final JsonMapper json;

	private final long maxUploadBytes;

	private final Duration defaultExpiry;

	private final boolean approvalRequired;

	private final QueuedTaskNotifier queued;

	TaskService(TaskRepository tasks, AgentRepository agents, JsonMapper json, QueuedTaskNotifier queued,
			@Value("${iterdef.agent.max-upload-bytes}") long maxUploadBytes,
			@Value("${iterdef.agent.default-expiry:PT24H}") Duration defaultExpiry,
			@Value("${iterdef.agent.approval-required:true}") boolean approvalRequired) {
		this.tasks = tasks;
		this.agents = agents;
		this.json = json;
		this.maxUploadBytes = maxUploadBytes;
		this.defaultExpiry = defaultExpiry;
		this.approvalRequired = approvalRequired;
		this.queued = queued;
	}

	/** Queues a task and returns its id (the existing one's when the same id was queued before). */
	public UUID create(NewTask task) {
		return submit(task).taskId();
	}

	/**
	 * Creates a task: queued, or awaiting_approval when an analyst asks for a type that needs a second person's
	 * approval and ITERDEF_AGENT_APPROVAL_REQUIRED is on. The same id again returns the existing task's state.
	 */
	public Created submit(NewTask task) {
		TaskType type = TaskType.parse(task.type())
			.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
					"task type '" + task.type() + "' is not on the allow-list", "use one of " + wireNames()));
		if (!SOURCES.contains(task.source())) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "unknown task source '" + task.source() + "'",
					"use one of " + SOURCES);
		}
		if ("rule".equals(task.source()) && !type.ruleMayRequest()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "a rule may not request " + type.wireName(),
					"rules may request " + ruleTypes());
		}
		if (task.reason() != null && task.reason().length() > MAX_REASON_CHARS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "reason too long", "at most " + MAX_REASON_CHARS + " characters");
		}
		String state = needsApproval(type, task.source()) ? AWAITING_APPROVAL : QUEUED;
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
		if (!insert(id, task, type, state, limits, maxAttempts, expiresIn)) {
			Optional<TaskRepository.TaskRow> existing = tasks.find(id);
			if (existing.isEmpty() || !existing.get().agentId().equals(task.agentId())
					|| !existing.get().type().equals(type.wireName())) {
				throw new ApiException(HttpStatus.CONFLICT, "task id " + id + " is taken by another task",
						"use a new id for a new task; the same id only repeats the same request");
			}
			return new Created(id, existing.get().state());
		}
		if (QUEUED.equals(state)) {
			queued.queued(task.agentId());
		}
		return new Created(id, state);
	}

	/** A task as the admin API shows it. */
	public Optional<TaskView> view(UUID id) {
		return tasks.view(id);
	}

	/** Whether a task of this type from this source waits for a second person's approval. */
	boolean needsApproval(TaskType type, String source) {
		return approvalRequired && type.needsApproval() && "analyst".equals(source);
	}

	private boolean insert(UUID id, NewTask task, TaskType type, String state, TaskLimits limits, int maxAttempts,
			Duration expiresIn) {
		try {
			return tasks.insert(id, task, type.wireName(), state, limits, maxAttempts, expiresIn);
		}
		catch (DataIntegrityViolationException ex) {
			if (task.incidentId() != null && String.valueOf(ex.getMessage()).contains("incident")) {
				throw new ApiException(HttpStatus.BAD_REQUEST, "no incident " + task.incidentId(),
						"give the id of an existing incident, or none");
			}
			throw ex;
		}
	}

	static List<String> ruleTypes() {
		return Arrays.stream(TaskType.values()).filter(TaskType::ruleMayRequest).map(TaskType::wireName).toList();
	}

	/** The id of a created (or already existing) task and its state. */
	public record Created(UUID taskId, String state) {
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
