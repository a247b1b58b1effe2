package io.iterdef.web.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow steps of the incident pages, as POST forms (CSRF-protected): each calls {@link IncidentWorkflow}
 * with the logged-in user as actor and comes back to the page with a flash message; a step that does not fit
 * the incident shows its reason as an error; a step the user's role may not take is refused with 403.
 */
@Controller
class IncidentActionController {

	/** What the list's query string may contain when coming back after a bulk action (no other redirect). */
	private static final Pattern SAFE_QUERY = Pattern.compile("[A-Za-z0-9_.~%&=+\\-]*");

	private final IncidentWorkflow workflow;

	IncidentActionController(IncidentWorkflow workflow) {
		this.workflow = workflow;
	}

	@PostMapping("/incidents/{id}/acknowledge")
	String acknowledge(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
		return step(id, flash, "Acknowledged", () -> workflow.acknowledge(id, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/investigate")
	String investigate(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
		return step(id, flash, "Investigation started", () -> workflow.startInvestigation(id, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) String resolution,
			@RequestParam(required = false) String comment, Authentication auth, RedirectAttributes flash) {
		Resolution r = Resolution.parse(resolution);
		return step(id, flash, "Resolved as " + (r == null ? "" : r.label().toLowerCase()),
				() -> workflow.resolve(id, r, comment, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/reopen")
	String reopen(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
		return step(id, flash, "Reopened", () -> workflow.reopen(id, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String team, Authentication auth, RedirectAttributes flash) {
		return step(id, flash, "Assignment changed", () -> workflow.assign(id, assignee, team, Actor.of(auth)));
	}

	/** Assigns the incident to the logged-in user, keeping its team (any role). */
	@PostMapping("/incidents/{id}/take")
	String take(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
		return step(id, flash, "Assigned to you", () -> workflow.assignUser(id, auth.getName(), Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/note")
	String addNote(@PathVariable long id, @RequestParam(required = false) String body, Authentication auth,
			RedirectAttributes flash) {
		return step(id, flash, "Note added", () -> workflow.addNote(id, body, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/pause")
	String pause(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth,
			RedirectAttributes flash) {
		return step(id, flash, "SLA paused", () -> workflow.pauseSla(id, reason, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/resume")
	String resume(@PathVariable long id, Authentication auth, RedirectAttributes flash) {
		return step(id, flash, "SLA resumed", () -> workflow.resumeSla(id, Actor.of(auth)));
	}

	@PostMapping("/incidents/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) String target, Authentication auth,
			RedirectAttributes flash) {
		Long targetId = parseId(target);
		if (targetId == null) {
			flash.addFlashAttribute("error", "Give the number of the incident to merge into (e.g. 42)");
			return redirect(id);
		}
		try {
			workflow.merge(id, targetId, Actor.of(auth));
		}
		catch (WorkflowException | IncidentNotFoundException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			return redirect(id);
		}
		flash.addFlashAttribute("message", "Incident " + id + " was merged into this one");
		return redirect(targetId);
	}

	@PostMapping("/incidents/{id}/split")
	String split(@PathVariable long id, @RequestParam String alert, Authentication auth, RedirectAttributes flash) {
		long created;
		try {
			created = workflow.splitAlert(alert, Actor.of(auth));
		}
		catch (WorkflowException | IncidentNotFoundException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			return redirect(id);
		}
		flash.addFlashAttribute("message", "Alert " + alert + " was split out of incident " + id + " into this one");
		return redirect(created);
	}

	/**
	 * Acknowledge, assign or resolve the selected incidents, each on its own (one that does not fit is skipped
	 * and named in the message; the others go on).
	 */
	@PostMapping("/incidents/bulk")
	String bulk(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) String action,
			@RequestParam(required = false) String resolution, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String back, Authentication auth, RedirectAttributes flash) {
		String list = "redirect:/incidents" + (back != null && !back.isEmpty() && SAFE_QUERY.matcher(back).matches()
				? "?" + back : "");
		Actor actor = Actor.of(auth);
		if (ids == null || ids.isEmpty()) {
			flash.addFlashAttribute("error", "Select at least one incident first (the boxes in the first column)");
			return list;
		}
		LongConsumer each;
		String done;
		switch (action == null ? "" : action) {
			case "acknowledge" -> {
				each = id -> workflow.acknowledge(id, actor);
				done = "acknowledged";
			}
			case "resolve" -> {
				Resolution r = Resolution.parse(resolution);
				if (r == null) {
					flash.addFlashAttribute("error", "Choose a resolution for the selected incidents");
					return list;
				}
				each = id -> workflow.resolve(id, r, null, actor);
				done = "resolved as " + r.label().toLowerCase();
			}
			case "assign" -> {
				String user = IncidentWorkflow.blankToNull(assignee);
				if (!actor.isLead() && !actor.username().equals(user)) {
					throw new AccessDeniedException("An analyst may only assign incidents to him- or herself");
				}
				each = id -> workflow.assignUser(id, user, actor);
				done = user == null ? "unassigned" : "assigned to " + user;
			}
			default -> {
				flash.addFlashAttribute("error", "Unknown bulk action; use acknowledge, assign or resolve");
				return list;
			}
		}
		int ok = 0;
		List<String> skipped = new ArrayList<>();
		for (long id : ids) {
			try {
				each.accept(id);
				ok++;
			}
			catch (WorkflowException | IncidentNotFoundException ex) {
				skipped.add(ex.getMessage());
			}
		}
		String message = ok + " " + done + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped: "
				+ String.join("; ", skipped));
		flash.addFlashAttribute(skipped.isEmpty() ? "message" : "error", message);
		return list;
	}

	private String step(long id, RedirectAttributes flash, String done, Runnable step) {
		try {
			step.run();
			flash.addFlashAttribute("message", done);
		}
		catch (WorkflowException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return redirect(id);
	}

	private static String redirect(long id) {
		return "redirect:/incidents/" + id;
	}

	private static Long parseId(String text) {
		try {
			return text == null ? null : Long.valueOf(text.trim().replaceFirst("^#", ""));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
