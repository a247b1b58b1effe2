package io.iterdef.agent.server.task;

import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.server.agent.AdminActor;
import io.iterdef.agent.server.agent.AgentRepository;
import io.iterdef.agent.server.system.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's tasks (admin token): create one for an agent (by id, or by the host name an unrevoked agent
 * holds) as the person in X-Iterdef-Actor, and read one with its uploads. Approve, deny and cancel are in
 * io.iterdef.agent.server.approval.
 */
@RestController
class TaskAdminController {

	private final TaskService tasks;

	private final AgentRepository agents;

	TaskAdminController(TaskService tasks, AgentRepository agents) {
		this.tasks = tasks;
		this.agents = agents;
	}

	@PostMapping("/admin/v1/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> create(@RequestBody AdminTaskRequest request,
			@RequestHeader(name = AdminActor.HEADER, required = false) String actorHeader) {
		String actor = AdminActor.require(actorHeader, request.requestedBy());
		String source = request.source() == null ? "analyst" : request.source();
		if (!"analyst".equals(source) && !"rule".equals(source)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "source '" + source + "' cannot be created here",
					"use \"analyst\" (hunts create their tasks through POST /admin/v1/hunts)");
		}
		if (TaskType.AGENT_UPDATE.wireName().equals(request.type())) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "agent.update is not created as a task",
					"update agents through the agent update flow, which checks the package's signature");
		}
		UUID agentId = agentOf(request);
		TaskService.Created created = tasks.submit(new NewTask(request.id(), agentId, request.type(), request.params(),
				actor, source, request.maxAttempts(), request.expiresInSeconds(), request.timeoutMillis(),
				request.reason(), request.incidentId(), null, null, null));
		return Map.of("taskId", created.taskId().toString(), "state", created.state());
	}

	@GetMapping("/admin/v1/tasks/{taskId}")
	TaskView get(@PathVariable UUID taskId) {
		return tasks.view(taskId)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no task " + taskId, "use the id the server gave"));
	}

	private UUID agentOf(AdminTaskRequest request) {
		if (request.agentId() != null) {
			return request.agentId();
		}
		if (request.host() == null || request.host().isBlank()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "no agentId or host", "name the agent (agentId) or its host");
		}
		return agents.findActiveByHostname(request.host())
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no enrolled agent on host " + request.host(),
					"install and enroll the agent on that host, or list the agents (GET /admin/v1/agents)"));
	}

	/** The body of POST /admin/v1/tasks. */
	record AdminTaskRequest(UUID id, UUID agentId, String host, String type, Map<String, Object> params,
			String reason, Long incidentId, Integer maxAttempts, Long expiresInSeconds, Long timeoutMillis,
			String source, String requestedBy) {
	}

}
