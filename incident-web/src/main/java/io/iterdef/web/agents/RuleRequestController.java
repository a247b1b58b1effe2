package io.iterdef.web.agents;

import java.util.List;

import io.iterdef.web.model.Paged;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tasks rules asked for on iterdef.tasks, with what became of each (queued, dry run, rate limited, ...). */
@Controller
class RuleRequestController {

	static final String VIEW = "agents/ruleRequests";

	static final List<String> OUTCOMES = List.of("queued", "dry_run", "rate_limited", "no_agent", "refused");

	private final HuntQueries queries;

	RuleRequestController(HuntQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/tasks/rule-requests")
	String list(@RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String host,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("outcome", outcome);
		model.addAttribute("host", host);
		model.addAttribute("outcomes", OUTCOMES);
		model.addAttribute("requests", queries.ruleRequests(outcome, host, Paged.request(page, Paged.DEFAULT_SIZE)));
		return VIEW;
	}

}
