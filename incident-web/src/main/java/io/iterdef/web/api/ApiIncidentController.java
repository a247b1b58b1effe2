package io.iterdef.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.iterdef.web.incident.Actor;
import io.iterdef.web.incident.IncidentWorkflow;
import io.iterdef.web.incident.Resolution;
import io.iterdef.web.model.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The incidents REST API: list and get, and the workflow steps acknowledge, comment and resolve. A write
 * goes through {@link IncidentWorkflow} as the token's user (same role checks and audit entries as the
 * pages) and answers the changed incident.
 */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "incidents")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class ApiIncidentController implements ApiEndpoint {

	static final Set<String> STATUSES = Set.of("new", "acknowledged", "investigating", "resolved");

	static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

	private final ApiIncidentRepository incidents;

	private final IncidentWorkflow workflow;

	ApiIncidentController(ApiIncidentRepository incidents, IncidentWorkflow workflow) {
		this.incidents = incidents;
		this.workflow = workflow;
	}

	@GetMapping
	@Operation(summary = "List incidents, newest first",
			description = "Filters combine with AND. Paging is 1-based; size is at most " + Paged.MAX_SIZE
					+ " (a larger one is lowered to it). total counts all matching incidents.")
	@Transactional(readOnly = true)
	ApiModel.IncidentPage list(
			@Parameter(description = "new, acknowledged, investigating or resolved") @RequestParam(required = false) String status,
			@Parameter(description = "low, medium, high or critical") @RequestParam(required = false) String severity,
			@Parameter(description = "rule id or rule name (exact)") @RequestParam(required = false) String rule,
			@Parameter(description = "host name (exact, any case)") @RequestParam(required = false) String host,
			@Parameter(description = "page number, from 1") @RequestParam(required = false) String page,
			@Parameter(description = "page size, 1 to " + Paged.MAX_SIZE) @RequestParam(required = false) String size) {
		List<String> problems = new ArrayList<>();
		String s = oneOf("status", status, STATUSES, problems);
		String sev = oneOf("severity", severity, SEVERITIES, problems);
		int p = number("page", page, 1, problems);
		int n = number("size", size, Paged.DEFAULT_SIZE, problems);
		if (!problems.isEmpty()) {
			throw ApiException.badRequest(String.join(" ", problems));
		}
		return incidents.find(new ApiModel.IncidentFilter(s, sev, blankToNull(rule), blankToNull(host)), p,
				Math.min(n, Paged.MAX_SIZE));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One incident with its alerts and notes")
	@Transactional(readOnly = true)
	ApiModel.IncidentDetails get(@PathVariable long id) {
		ApiModel.IncidentSummary incident = incidents.find(id)
			.orElseThrow(() -> ApiException.notFound("no incident " + id));
		return new ApiModel.IncidentDetails(incident, incidents.alerts(id), incidents.notes(id));
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Acknowledge a new incident (stops its escalation)",
			description = "409 when the incident is not new any more.")
	ApiModel.IncidentDetails acknowledge(@PathVariable long id, Authentication user) {
		workflow.acknowledge(id, Actor.of(user));
		return get(id);
	}

	@PostMapping(path = "/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add a note (Markdown) to an incident", description = "Body: {\"body\": \"...\"}.")
	ApiModel.IncidentDetails comment(@PathVariable long id, @RequestBody ApiModel.CommentRequest request,
			Authentication user) {
		String body = request == null ? null : blankToNull(request.body());
		if (body == null) {
			throw ApiException.badRequest("The comment's body is missing or blank.");
		}
		workflow.addNote(id, body, Actor.of(user));
		return get(id);
	}

	@PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Resolve an incident",
			description = "Body: {\"resolution\": \"true_positive|false_positive|benign|duplicate\", \"comment\": \"optional Markdown\"}. "
					+ "409 when it is resolved already.")
	ApiModel.IncidentDetails resolve(@PathVariable long id, @RequestBody ApiModel.ResolveRequest request,
			Authentication user) {
		Resolution resolution = request == null ? null : Resolution.parse(request.resolution());
		if (resolution == null) {
			throw ApiException.badRequest("resolution '" + (request == null ? null : request.resolution())
					+ "' is not one of benign, duplicate, false_positive, true_positive.");
		}
		workflow.resolve(id, resolution, blankToNull(request.comment()), Actor.of(user));
		return get(id);
	}

	private static String oneOf(String name, String value, Set<String> allowed, List<String> problems) {
		String v = blankToNull(value);
		if (v == null) {
			return null;
		}
		v = v.toLowerCase(Locale.ROOT);
		if (!allowed.contains(v)) {
			problems.add(name + " '" + value + "' is not one of " + String.join(", ", allowed.stream().sorted().toList())
					+ ".");
		}
		return v;
	}

	private static int number(String name, String value, int defaultValue, List<String> problems) {
		String v = blankToNull(value);
		if (v == null) {
			return defaultValue;
		}
		try {
			int n = Integer.parseInt(v);
			if (n >= 1) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(name + " '" + value + "' is not a whole number of at least 1.");
		return defaultValue;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
