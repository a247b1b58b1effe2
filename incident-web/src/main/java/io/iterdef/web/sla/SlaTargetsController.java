package io.iterdef.web.sla;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /admin/sla: the time to acknowledge and to resolve per severity (leads and admins, see {@link LeadOnly}). */
@Controller
class SlaTargetsController {

	static final String VIEW_SLA_TARGETS = "admin/slaTargets";

	static final int MAX_SECONDS = 365 * 86400;

	private final SlaTargetRepository targets;

	SlaTargetsController(SlaTargetRepository targets) {
		this.targets = targets;
	}

	@GetMapping("/admin/sla")
	String initSlaTargetsForm(Model model) {
		List<SlaTarget> current = targets.findAll();
		Map<String, String> values = new LinkedHashMap<>();
		for (SlaTarget t : current) {
			values.put("ack_" + t.severity(), t.ackText());
			values.put("resolve_" + t.severity(), t.resolveText());
		}
		model.addAttribute("targets", current);
		model.addAttribute("values", values);
		model.addAttribute("errors", Map.of());
		return VIEW_SLA_TARGETS;
	}

	@PostMapping("/admin/sla")
	String processSlaTargetsForm(@RequestParam Map<String, String> form, Principal principal, Model model,
			RedirectAttributes redirect) {
		List<SlaTarget> current = targets.findAll();
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, int[]> parsed = new LinkedHashMap<>();
		for (SlaTarget t : current) {
			String severity = t.severity();
			String ackText = form.getOrDefault("ack_" + severity, "");
			String resolveText = form.getOrDefault("resolve_" + severity, "");
			values.put("ack_" + severity, ackText);
			values.put("resolve_" + severity, resolveText);
			OptionalLong ack = positive(ackText);
			OptionalLong resolve = positive(resolveText);
			if (ack.isEmpty()) {
				errors.put("ack_" + severity, "Time to acknowledge for " + severity + ": '" + ackText
						+ "' is not a positive duration; write it like 90s, 15m, 4h, 1h30m or 2d (at most 365d).");
			}
			if (resolve.isEmpty()) {
				errors.put("resolve_" + severity, "Time to resolve for " + severity + ": '" + resolveText
						+ "' is not a positive duration; write it like 90s, 15m, 4h, 1h30m or 2d (at most 365d).");
			}
			if (ack.isPresent() && resolve.isPresent()) {
				if (resolve.getAsLong() < ack.getAsLong()) {
					errors.put("resolve_" + severity, "Time to resolve for " + severity
							+ " must be at least its time to acknowledge (" + Durations.format(ack.getAsLong()) + ").");
				}
				else {
					parsed.put(severity, new int[] { (int) ack.getAsLong(), (int) resolve.getAsLong() });
				}
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("targets", current);
			model.addAttribute("values", values);
			model.addAttribute("errors", errors);
			return VIEW_SLA_TARGETS;
		}
		List<String> changed = targets.update(parsed, principal.getName());
		redirect.addFlashAttribute("message", changed.isEmpty() ? "Nothing changed."
				: "Saved the SLA targets of " + String.join(", ", changed) + "; new incidents use them.");
		return "redirect:/admin/sla";
	}

	private static OptionalLong positive(String text) {
		OptionalLong seconds = Durations.parseSeconds(text);
		return seconds.isPresent() && seconds.getAsLong() > 0 && seconds.getAsLong() <= MAX_SECONDS ? seconds
				: OptionalLong.empty();
	}

}
