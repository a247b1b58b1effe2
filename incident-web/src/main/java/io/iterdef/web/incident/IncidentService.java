package io.iterdef.web.incident;

import java.util.List;
import java.util.Optional;

import io.iterdef.web.model.Paged;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of incidents for the pages. */
@Service
class IncidentService {

	private final IncidentRepository incidents;

	IncidentService(IncidentRepository incidents) {
		this.incidents = incidents;
	}

	@Transactional(readOnly = true)
	Paged<Incident> newest(Paged.PageRequest request) {
		long total = incidents.count();
		List<Incident> content = incidents.findNewest(request.offset(), request.size());
		return Paged.of(content, request, total);
	}

	@Transactional(readOnly = true)
	Optional<IncidentDetails> details(long id) {
		return incidents.findById(id).map(incident -> new IncidentDetails(incident, incidents.findAlerts(id)));
	}

	/** An incident with its alerts, for the detail page. */
	record IncidentDetails(Incident incident, List<IncidentAlert> alerts) {
	}

}
