package io.iterdef.web.escalation;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /admin/policies: list, create, edit (a new version each time), enable and disable escalation policies.
 * Leads and admins only ({@link io.iterdef.web.sla.LeadOnly}).
 */
@Controller
class PolicyController {

	static final String VIEW_POLICY_LIST = "admin/policies/policyList";

	static final String VIEW_POLICY_DETAILS = "admin/policies/policyDetails";

	static final String VIEW_POLICY_FORM = "admin/policies/createOrUpdatePolicyForm";

	private final PolicyRepository policies;

	PolicyController(PolicyRepository policies) {
		this.policies = policies;
	}

	@GetMapping("/admin/policies")
	String showPolicyList(Model model) {
		model.addAttribute("policies", policies.findAll());
		return VIEW_POLICY_LIST;
	}

	@GetMapping("/admin/policies/new")
	String initCreationForm(Model model) {
		model.addAttribute("form", new PolicyForm());
		model.addAttribute("errors", Map.of());
		return VIEW_POLICY_FORM;
	}

	@PostMapping("/admin/policies/new")
	String processCreationForm(@ModelAttribute("form") PolicyForm form, Principal principal, Model model,
			RedirectAttributes redirect) {
		PolicyValidator.Result result = validator().validate(form);
		if (result.ok() && policies.nameTaken(result.draft().name(), null)) {
			result.errors().put("name", "A policy named '" + result.draft().name() + "' exists: choose another name.");
		}
		if (!result.ok()) {
			model.addAttribute("errors", result.errors());
			return VIEW_POLICY_FORM;
		}
		long id = policies.create(result.draft(), principal.getName());
		redirect.addFlashAttribute("message", "Created policy '" + result.draft().name() + "' (version 1).");
		return "redirect:/admin/policies/" + id;
	}

	@GetMapping("/admin/policies/{policyId}")
	String showPolicy(@PathVariable long policyId, Model model) {
		Policy policy = find(policyId);
		model.addAttribute("policy", policy);
		model.addAttribute("versions", policies.versions(policyId));
		return VIEW_POLICY_DETAILS;
	}

	@GetMapping("/admin/policies/{policyId}/edit")
	String initUpdateForm(@PathVariable long policyId, Model model) {
		Policy policy = find(policyId);
		model.addAttribute("policy", policy);
		model.addAttribute("form", PolicyForm.of(policy));
		model.addAttribute("errors", Map.of());
		return VIEW_POLICY_FORM;
	}

	@PostMapping("/admin/policies/{policyId}/edit")
	String processUpdateForm(@PathVariable long policyId, @ModelAttribute("form") PolicyForm form, Principal principal,
			Model model, RedirectAttributes redirect) {
		Policy policy = find(policyId);
		PolicyValidator.Result result = validator().validate(form);
		if (result.ok() && policies.nameTaken(result.draft().name(), policyId)) {
			result.errors().put("name", "A policy named '" + result.draft().name() + "' exists: choose another name.");
		}
		if (!result.ok()) {
			model.addAttribute("policy", policy);
			model.addAttribute("errors", result.errors());
			return VIEW_POLICY_FORM;
		}
		int version = policies.update(policyId, result.draft(), principal.getName());
		redirect.addFlashAttribute("message", "Saved policy '" + result.draft().name() + "' as version " + version
				+ "; incidents that started under an earlier version keep it.");
		return "redirect:/admin/policies/" + policyId;
	}

	@PostMapping("/admin/policies/{policyId}/enable")
	String enable(@PathVariable long policyId, Principal principal, RedirectAttributes redirect) {
		return setEnabled(policyId, true, principal, redirect);
	}

	@PostMapping("/admin/policies/{policyId}/disable")
	String disable(@PathVariable long policyId, Principal principal, RedirectAttributes redirect) {
		return setEnabled(policyId, false, principal, redirect);
	}

	private String setEnabled(long policyId, boolean enabled, Principal principal, RedirectAttributes redirect) {
		if (!policies.setEnabled(policyId, enabled, principal.getName())) {
			throw notFound(policyId);
		}
		redirect.addFlashAttribute("message", enabled ? "Enabled: new incidents can match the policy again."
				: "Disabled: new incidents no longer match it; running escalations go on under their version.");
		return "redirect:/admin/policies/" + policyId;
	}

	private PolicyValidator validator() {
		return new PolicyValidator(policies::userExists, policies::teamExists);
	}

	private Policy find(long policyId) {
		return policies.findById(policyId).orElseThrow(() -> notFound(policyId));
	}

	private static ResponseStatusException notFound(long policyId) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Escalation policy " + policyId + " not found");
	}

}
