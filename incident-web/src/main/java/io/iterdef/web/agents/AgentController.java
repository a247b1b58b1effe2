package io.iterdef.web.agents;

import java.util.UUID;

import io.iterdef.web.model.Paged;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The enrolled agents (read from the database) and revoking one (admins, through the agent server). */
@Controller
class AgentController {

	static final String LIST_VIEW = "agents/agentList";

	static final String DETAILS_VIEW = "agents/agentDetails";

	private final AgentQueries queries;

	private final AgentServerClient server;

	AgentController(AgentQueries queries, AgentServerClient server) {
		this.queries = queries;
		this.server = server;
	}

	@GetMapping("/agents")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "25") int size, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("agents", queries.agents(q, Paged.request(page, size)));
		return LIST_VIEW;
	}

	@GetMapping("/agents/{id}")
	String details(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("agent", queries.agent(id).orElseThrow(() -> new AgentPageNotFoundException("No agent " + id)));
		model.addAttribute("tasks", queries.tasks(new TaskFilter(null, null, null, null, null, id, null),
				Paged.request(page, Paged.DEFAULT_SIZE)));
		return DETAILS_VIEW;
	}

	@PostMapping("/agents/{id}/revoke")
	@PreAuthorize("hasRole('ADMIN')")
	String revoke(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
		queries.agent(id).orElseThrow(() -> new AgentPageNotFoundException("No agent " + id));
		try {
			server.post("/admin/v1/agents/" + id + "/revoke", null, user.getName());
			redirect.addFlashAttribute("message", "Agent revoked: its credential is refused from now on");
		}
		catch (AgentServerException ex) {
			redirect.addFlashAttribute("error", ex.userMessage());
		}
		return "redirect:/agents/" + id;
	}

}
