package io.iterdef.web.metrics;

import java.time.Instant;
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
 * The metrics page (any signed-in user): MTTA and MTTR by severity, rule and team, SLA breaches and open
 * incidents by age, as tables and ECharts charts; the same numbers as JSON at /metrics/data.
 */
@Controller
class MetricsController {

	static final String VIEW_METRICS = "metrics/metrics";

	static final int MAX_RULE_ID_LENGTH = 200;

	private final MetricsService metrics;

	private final ObjectMapper json;

	MetricsController(MetricsService metrics, ObjectMapper json) {
		this.metrics = metrics;
		this.json = json;
	}

	@GetMapping("/metrics")
	String showMetrics(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String rule, Model model) {
		Instant now = Instant.now();
		MetricsPeriod chosen;
		try {
			chosen = MetricsPeriod.parse(period, from, to, now);
			checkRule(rule);
		}
		catch (MetricsPeriod.InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
			chosen = MetricsPeriod.preset(MetricsPeriod.Preset.LAST_7D, now);
			rule = null;
		}
		Metrics result = metrics.compute(chosen, rule);
		model.addAttribute("period", chosen);
		model.addAttribute("presets", List.of(MetricsPeriod.Preset.values()));
		model.addAttribute("rule", result.rule());
		model.addAttribute("metrics", result);
		model.addAttribute("metricsJson", scriptSafeJson(result));
		return VIEW_METRICS;
	}

	@GetMapping(path = "/metrics/data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<?> metricsData(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String rule) {
		try {
			MetricsPeriod chosen = MetricsPeriod.parse(period, from, to, Instant.now());
			checkRule(rule);
			return ResponseEntity.ok(metrics.compute(chosen, rule));
		}
		catch (MetricsPeriod.InvalidInputException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage()));
		}
	}

	/**
	 * The JSON for the page's inline script. Outside strings JSON has no {@code < > &}, so writing them as
	 * unicode escapes keeps the same value and leaves no markup ({@code </script>}, {@code <!--}) in the page;
	 * Thymeleaf then quotes the whole text as a JavaScript string.
	 */
	String scriptSafeJson(Metrics result) {
		return json.writeValueAsString(result)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	private static void checkRule(String rule) {
		if (rule != null && rule.length() > MAX_RULE_ID_LENGTH) {
			throw new MetricsPeriod.InvalidInputException(
					"The rule id is longer than " + MAX_RULE_ID_LENGTH + " characters: paste the rule's id only.");
		}
	}

}
