package io.iterdef.web.incident;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

import io.iterdef.web.escalation.EscalationRepository;
import io.iterdef.web.model.Paged;
import io.iterdef.web.notify.NotificationRepository;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The incident list (filters, sorting, paging, bulk actions) and the incident page. */
@Controller
class IncidentController {

	static final String VIEW_INCIDENT_LIST = "incidents/incidentList";

	static final String VIEW_INCIDENT_DETAILS = "incidents/incidentDetails";

	private final IncidentService incidents;

	private final EscalationRepository escalations;

	private final NotificationRepository notifications;

	IncidentController(IncidentService incidents, EscalationRepository escalations,
			NotificationRepository notifications) {
		this.incidents = incidents;
		this.escalations = escalations;
		this.notifications = notifications;
	}

	@GetMapping("/incidents")
	String showIncidentList(@RequestParam(required = false) String status,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String team, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String host, @RequestParam(required = false) String age,
			@RequestParam(required = false) String sla, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size, Authentication authentication,
			Model model) {
		IncidentFilter filter = new IncidentFilter(status, severity, assignee, team, rule, host, age, sla, sort, dir);
		Actor actor = Actor.of(authentication);
		Paged<IncidentRow> result = incidents.list(filter, actor.username(), Paged.request(page, size));
		String query = query(filter);
		model.addAttribute("page", result);
		model.addAttribute("incidents", result.content());
		model.addAttribute("filter", filter);
		model.addAttribute("problems", filter.problems());
		model.addAttribute("query", query);
		model.addAttribute("pageUrl", query.isEmpty() ? "/incidents" : "/incidents?" + query);
		model.addAttribute("actor", actor);
		model.addAttribute("assignable", incidents.assignable());
		model.addAttribute("statuses", IncidentFilter.STATUSES);
		model.addAttribute("severities", IncidentFilter.SEVERITIES);
		model.addAttribute("ages", IncidentFilter.AGES);
		model.addAttribute("slaStates", IncidentFilter.SLA_STATES);
		model.addAttribute("sorts", List.of(IncidentFilter.Sort.values()));
		model.addAttribute("resolutions", Resolution.values());
		return VIEW_INCIDENT_LIST;
	}

	@GetMapping("/incidents/{incidentId}")
	String showIncident(@PathVariable long incidentId, Authentication authentication, Model model) {
		IncidentService.IncidentDetails details = incidents.details(incidentId)
			.orElseThrow(() -> IncidentNotFoundException.incident(incidentId));
		model.addAttribute("incident", details.incident());
		model.addAttribute("alerts", details.alerts());
		model.addAttribute("sla", details.sla());
		model.addAttribute("notes", details.notes());
		model.addAttribute("audit", details.audit());
		model.addAttribute("observables", details.observables());
		model.addAttribute("actor", Actor.of(authentication));
		model.addAttribute("assignable", incidents.assignable());
		model.addAttribute("resolutions", Resolution.values());
		model.addAttribute("escalation", escalations.find(incidentId).orElse(null));
		model.addAttribute("notifications", notifications.forIncident(incidentId));
		return VIEW_INCIDENT_DETAILS;
	}

	/** The filter as a URL query (encoded), for paging links and to come back after a bulk action. */
	static String query(IncidentFilter f) {
		StringJoiner q = new StringJoiner("&");
		add(q, "status", f.status());
		add(q, "severity", f.severity());
		add(q, "assignee", f.assignee());
		add(q, "team", f.team());
		add(q, "rule", f.rule());
		add(q, "host", f.host());
		add(q, "age", f.age());
		add(q, "sla", f.sla());
		add(q, "sort", f.sort());
		add(q, "dir", f.dir());
		return q.toString();
	}

	private static void add(StringJoiner q, String name, String value) {
		if (value != null) {
			q.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

}
