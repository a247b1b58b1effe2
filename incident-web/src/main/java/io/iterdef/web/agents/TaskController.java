package io.iterdef.web.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskType;
import io.iterdef.web.agents.AgentRows.AgentRow;
import io.iterdef.web.agents.AgentRows.TaskDetail;
import io.iterdef.web.model.Paged;
import tools.jackson.databind.ObjectMapper;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tasks: the list with filters, one task with its result and uploads, a new task for a host (from an incident or
 * the host page), cancelling one. Creating and cancelling go through the agent server as the logged-in user.
 */
@Controller
class TaskController {

	static final String LIST_VIEW = "agents/taskList";

	static final String DETAILS_VIEW = "agents/taskDetails";

	static final String FORM_VIEW = "agents/taskForm";

	static final List<String> STATES = List.of("awaiting_approval", "queued", "leased", "succeeded", "failed", "expired",
			"denied", "cancelled");

	static final List<String> SOURCES = List.of("analyst", "rule", "hunt");

	private final AgentQueries queries;

	private final UploadStore uploads;

	private final AgentServerClient server;

	private final ObjectMapper json;

	TaskController(AgentQueries queries, UploadStore uploads, AgentServerClient server, ObjectMapper json) {
		this.queries = queries;
		this.uploads = uploads;
		this.server = server;
		this.json = json;
	}

	@GetMapping("/tasks")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String type,
			@RequestParam(required = false) String host, @RequestParam(required = false) String source,
			@RequestParam(required = false) UUID hunt, @RequestParam(required = false) Long incident,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "25") int size, Model model) {
		TaskFilter filter = new TaskFilter(state, type, host, source, hunt, null, incident);
		model.addAttribute("filter", filter);
		model.addAttribute("tasks", queries.tasks(filter, Paged.request(page, size)));
		model.addAttribute("pageUrl", pageUrl(filter));
		model.addAttribute("states", STATES);
		model.addAttribute("sources", SOURCES);
		model.addAttribute("types", List.of(TaskType.values()).stream().map(TaskType::wireName).toList());
		return LIST_VIEW;
	}

	@GetMapping("/tasks/{id}")
	String details(@PathVariable UUID id, Model model) {
		TaskDetail task = queries.task(id).orElseThrow(() -> new AgentPageNotFoundException("No task " + id));
		model.addAttribute("detail", task);
		model.addAttribute("task", task.task());
		model.addAttribute("uploads", uploads.uploads(id));
		model.addAttribute("processes", TaskResults.processes(json, task.task().type(), task.result()));
		return DETAILS_VIEW;
	}

	@GetMapping("/tasks/new")
	String initForm(@RequestParam(defaultValue = "") String host, @RequestParam(required = false) Long incident,
			@RequestParam(defaultValue = "process.list") String type, Model model) {
		return form(model, host, incident, type, TaskParams.examples().getOrDefault(type, "{}"), "", null);
	}

	@PostMapping("/tasks/new")
	String processForm(@RequestParam(defaultValue = "") String host, @RequestParam(required = false) Long incident,
			@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String params,
			@RequestParam(defaultValue = "") String reason, Authentication user, Model model,
			RedirectAttributes redirect) {
		try {
			TaskType taskType = TaskParams.type(type);
			Map<String, Object> parsed = TaskParams.parse(json, params);
			if (reason.length() > 2000) {
				throw new IllegalArgumentException("The reason is " + reason.length() + " characters long: at most 2000");
			}
			AgentRow agent = queries.activeAgent(host.strip())
				.orElseThrow(() -> new IllegalArgumentException("No enrolled agent on host '" + host
						+ "': enroll the agent there (README, The agent) or check the host name on the agents page"));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("agentId", agent.id().toString());
			body.put("type", taskType.wireName());
			body.put("params", parsed);
			body.put("source", "analyst");
			body.put("requestedBy", user.getName());
			if (!reason.isBlank()) {
				body.put("reason", reason.strip());
			}
			if (incident != null) {
				body.put("incidentId", incident);
			}
			Map<String, Object> created = server.post("/admin/v1/tasks", body, user.getName());
			Object state = created.getOrDefault("state", "queued");
			redirect.addFlashAttribute("message", "awaiting_approval".equals(state)
					? "Task created; it waits for a second person's approval (lead or admin) on the approvals page"
					: "Task queued for " + agent.hostname());
			return "redirect:/tasks/" + created.get("taskId");
		}
		catch (IllegalArgumentException ex) {
			return form(model, host, incident, type, params, reason, ex.getMessage());
		}
		catch (AgentServerException ex) {
			return form(model, host, incident, type, params, reason, ex.userMessage());
		}
	}

	@PostMapping("/tasks/{id}/cancel")
	String cancel(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
		queries.task(id).orElseThrow(() -> new AgentPageNotFoundException("No task " + id));
		try {
			server.post("/admin/v1/tasks/" + id + "/cancel", Map.of(), user.getName());
			redirect.addFlashAttribute("message", "Task cancelled");
		}
		catch (AgentServerException ex) {
			redirect.addFlashAttribute("error", ex.userMessage());
		}
		return "redirect:/tasks/" + id;
	}

	/** The list's URL with its filters, for the pager. */
	static String pageUrl(TaskFilter filter) {
		return UriComponentsBuilder.fromPath("/tasks")
			.queryParamIfPresent("state", Optional.ofNullable(filter.state()))
			.queryParamIfPresent("type", Optional.ofNullable(filter.type()))
			.queryParamIfPresent("host", Optional.ofNullable(filter.host()))
			.queryParamIfPresent("source", Optional.ofNullable(filter.source()))
			.queryParamIfPresent("hunt", Optional.ofNullable(filter.hunt()))
			.queryParamIfPresent("incident", Optional.ofNullable(filter.incident()))
			.encode()
			.build()
			.toUriString();
	}

	private String form(Model model, String host, Long incident, String type, String params, String reason, String error) {
		model.addAttribute("host", host);
		model.addAttribute("incident", incident);
		model.addAttribute("type", type);
		model.addAttribute("params", params);
		model.addAttribute("reason", reason);
		model.addAttribute("types", TaskParams.requestable());
		model.addAttribute("examples", TaskParams.examples());
		model.addAttribute("error", error);
		return FORM_VIEW;
	}

}
