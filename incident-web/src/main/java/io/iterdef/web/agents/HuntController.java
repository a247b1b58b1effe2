package io.iterdef.web.agents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskType;
import io.iterdef.web.agents.AgentRows.HuntRow;
import io.iterdef.web.model.Paged;
import tools.jackson.databind.ObjectMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Hunts: the list, one hunt's counts and hosts, a new hunt and pause / resume / cancel (leads and admins). */
@Controller
class HuntController {

	static final String LIST_VIEW = "agents/huntList";

	static final String DETAILS_VIEW = "agents/huntDetails";

	static final String FORM_VIEW = "agents/huntForm";

	private final HuntQueries hunts;

	private final AgentServerClient server;

	private final ObjectMapper json;

	HuntController(HuntQueries hunts, AgentServerClient server, ObjectMapper json) {
		this.hunts = hunts;
		this.server = server;
		this.json = json;
	}

	@GetMapping("/hunts")
	String list(@RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("hunts", hunts.hunts(state, Paged.request(page, Paged.DEFAULT_SIZE)));
		return LIST_VIEW;
	}

	@GetMapping("/hunts/{id}")
	String details(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page, Model model) {
		HuntRow hunt = hunts.hunt(id).orElseThrow(() -> new AgentPageNotFoundException("No hunt " + id));
		model.addAttribute("hunt", hunt);
		model.addAttribute("counts", hunts.counts(id));
		model.addAttribute("hosts", hunts.hosts(id, Paged.request(page, 100)));
		return DETAILS_VIEW;
	}

	@GetMapping("/hunts/new")
	@PreAuthorize("hasAnyRole('LEAD','ADMIN')")
	String initForm(Model model) {
		return form(model, HuntForm.empty(), null);
	}

	@PostMapping("/hunts/new")
	@PreAuthorize("hasAnyRole('LEAD','ADMIN')")
	String processForm(HuntForm form, Authentication user, Model model, RedirectAttributes redirect) {
		try {
			Map<String, Object> created = server.post("/admin/v1/hunts", form.body(json), user.getName());
			redirect.addFlashAttribute("message", "awaiting_approval".equals(created.get("state"))
					? "Hunt created; it waits for a second person's approval" : "Hunt running");
			return "redirect:/hunts/" + created.get("huntId");
		}
		catch (IllegalArgumentException ex) {
			return form(model, form, ex.getMessage());
		}
		catch (AgentServerException ex) {
			return form(model, form, ex.userMessage());
		}
	}

	@PostMapping("/hunts/{id}/{action:pause|resume|cancel}")
	@PreAuthorize("hasAnyRole('LEAD','ADMIN')")
	String act(@PathVariable UUID id, @PathVariable String action, Authentication user, RedirectAttributes redirect) {
		hunts.hunt(id).orElseThrow(() -> new AgentPageNotFoundException("No hunt " + id));
		try {
			server.post("/admin/v1/hunts/" + id + "/" + action, Map.of(), user.getName());
			redirect.addFlashAttribute("message", switch (action) {
				case "pause" -> "Hunt paused";
				case "resume" -> "Hunt resumed";
				default -> "Hunt cancelled";
			});
		}
		catch (AgentServerException ex) {
			redirect.addFlashAttribute("error", ex.userMessage());
		}
		return "redirect:/hunts/" + id;
	}

	private String form(Model model, HuntForm form, String error) {
		model.addAttribute("form", form);
		model.addAttribute("types", TaskParams.requestable().stream().map(TaskType::wireName).toList());
		model.addAttribute("examples", TaskParams.examples());
		model.addAttribute("osChoices", List.of("", "linux", "windows"));
		model.addAttribute("error", error);
		return FORM_VIEW;
	}

}
