package io.iterdef.web.agents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tasks and hunts waiting for a second person: leads and admins approve or deny them through the agent server,
 * which refuses the requester's own approval (its message is shown as it is).
 */
@Controller
class ApprovalController {

	static final String VIEW = "agents/approvals";

	static final int LIMIT = 200;

	private final AgentQueries tasks;

	private final HuntQueries hunts;

	private final AgentServerClient server;

	ApprovalController(AgentQueries tasks, HuntQueries hunts, AgentServerClient server) {
		this.tasks = tasks;
		this.hunts = hunts;
		this.server = server;
	}

	@GetMapping("/approvals")
	String list(Model model) {
		model.addAttribute("tasks", tasks.awaitingApproval(LIMIT));
		model.addAttribute("hunts", hunts.awaitingApproval(LIMIT));
		return VIEW;
	}

	@PostMapping("/tasks/{id}/{decision:approve|deny}")
	@PreAuthorize("hasAnyRole('LEAD','ADMIN')")
	String decideTask(@PathVariable UUID id, @PathVariable String decision, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String back, Authentication user, RedirectAttributes redirect) {
		tasks.task(id).orElseThrow(() -> new AgentPageNotFoundException("No task " + id));
		decide("/admin/v1/tasks/" + id + "/" + decision, "Task", decision, note, user, redirect);
		return "redirect:" + ("task".equals(back) ? "/tasks/" + id : "/approvals");
	}

	@PostMapping("/hunts/{id}/{decision:approve|deny}")
	@PreAuthorize("hasAnyRole('LEAD','ADMIN')")
	String decideHunt(@PathVariable UUID id, @PathVariable String decision, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String back, Authentication user, RedirectAttributes redirect) {
		hunts.hunt(id).orElseThrow(() -> new AgentPageNotFoundException("No hunt " + id));
		decide("/admin/v1/hunts/" + id + "/" + decision, "Hunt", decision, note, user, redirect);
		return "redirect:" + ("hunt".equals(back) ? "/hunts/" + id : "/approvals");
	}

	private void decide(String path, String what, String decision, String note, Authentication user,
			RedirectAttributes redirect) {
		if ("deny".equals(decision) && note.isBlank()) {
			redirect.addFlashAttribute("error", "Say why you deny it: the note is required");
			return;
		}
		if (note.length() > 2000) {
			redirect.addFlashAttribute("error", "The note is " + note.length() + " characters long: at most 2000");
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		if (!note.isBlank()) {
			body.put("note", note.strip());
		}
		try {
			server.post(path, body, user.getName());
			redirect.addFlashAttribute("message", what + ("approve".equals(decision) ? " approved" : " denied"));
		}
		catch (AgentServerException ex) {
			redirect.addFlashAttribute("error", ex.userMessage());
		}
	}

}
