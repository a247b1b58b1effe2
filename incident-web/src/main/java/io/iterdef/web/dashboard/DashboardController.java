package io.iterdef.web.dashboard;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard (any signed-in user): events per channel and per event code over time, top hosts, alerts by
 * rule and severity, ingest lag and the dead-letter count, over the last 1 h, 24 h (default) or 7 d, optionally
 * restricted by a Lucene filter; the same numbers as JSON at /dashboard/data.
 */
@Controller
class DashboardController {

	static final String VIEW_DASHBOARD = "dashboard/dashboard";

	private final DashboardService dashboard;

	private final ObjectMapper json;

	DashboardController(DashboardService dashboard, ObjectMapper json) {
		this.dashboard = dashboard;
		this.json = json;
	}

	@GetMapping("/dashboard")
	String showDashboard(@RequestParam(required = false) String range, @RequestParam(required = false) String q,
			Model model) {
		DashboardRange chosen;
		String error = null;
		try {
			chosen = DashboardRange.parse(range, dashboard.now());
			DashboardService.normalize(q);
		}
		catch (IllegalArgumentException ex) {
			error = ex.getMessage();
			chosen = DashboardRange.of(DashboardRange.DEFAULT, dashboard.now());
			q = null;
		}
		Dashboard result = dashboard.compute(chosen, q);
		model.addAttribute("inputError", error);
		model.addAttribute("presets", List.of(DashboardRange.Preset.values()));
		model.addAttribute("chosen", chosen);
		model.addAttribute("dashboard", result);
		model.addAttribute("hostQueries", hostQueries(result));
		model.addAttribute("dashboardJson", scriptSafeJson(result));
		return VIEW_DASHBOARD;
	}

	@GetMapping(path = "/dashboard/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> dashboardData(@RequestParam(required = false) String range,
			@RequestParam(required = false) String q) {
		try {
			DashboardRange chosen = DashboardRange.parse(range, dashboard.now());
			DashboardService.normalize(q);
			return ResponseEntity.ok(dashboard.compute(chosen, q));
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
		}
	}

	/**
	 * The JSON for the page's inline script: event values are attacker-controlled, so {@code < > &} become
	 * unicode escapes (the same value, no markup like {@code </script>} in the page); Thymeleaf then quotes the
	 * whole text as a JavaScript string.
	 */
	String scriptSafeJson(Dashboard result) {
		return json.writeValueAsString(result)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	private static Map<String, String> hostQueries(Dashboard result) {
		Map<String, String> queries = new java.util.LinkedHashMap<>();
		if (result.events() != null) {
			result.events().hosts().forEach(h -> queries.put(h.key(), hostQuery(h.key(), result.filter())));
		}
		return queries;
	}

	/** The search page's query for one host, within the dashboard's filter: for the top hosts' links. */
	static String hostQuery(String host, String filter) {
		String term = "host.name:\"" + host.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		return filter == null || filter.equals(term) ? term : "(" + filter + ") AND " + term;
	}

}
