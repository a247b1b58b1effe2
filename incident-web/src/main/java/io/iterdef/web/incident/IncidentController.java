package io.iterdef.web.incident;

import io.iterdef.web.model.Paged;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class IncidentController {

	static final String VIEW_INCIDENT_LIST = "incidents/incidentList";

	static final String VIEW_INCIDENT_DETAILS = "incidents/incidentDetails";

	private final IncidentService incidents;

	IncidentController(IncidentService incidents) {
		this.incidents = incidents;
	}

	@GetMapping("/incidents")
	String showIncidentList(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size, Model model) {
		Paged<Incident> result = incidents.newest(Paged.request(page, size));
		model.addAttribute("page", result);
		model.addAttribute("incidents", result.content());
		return VIEW_INCIDENT_LIST;
	}

	@GetMapping("/incidents/{incidentId}")
	String showIncident(@PathVariable long incidentId, Model model) {
		IncidentService.IncidentDetails details = incidents.details(incidentId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Incident " + incidentId + " not found"));
		model.addAttribute("incident", details.incident());
		model.addAttribute("alerts", details.alerts());
		return VIEW_INCIDENT_DETAILS;
	}

}
