package io.iterdef.web.incident;

import io.iterdef.web.audit.AuditLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.iterdef.web.model.Paged;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of incidents for the pages. */
@Service
class IncidentService {

	private final IncidentRepository incidents;

	private final IncidentPageRepository pages;

	private final WorkflowRepository workflow;

	private final IncidentAudit audit;

	IncidentService(IncidentRepository incidents, IncidentPageRepository pages, WorkflowRepository workflow,
			IncidentAudit audit) {
		this.incidents = incidents;
		this.pages = pages;
		this.workflow = workflow;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	Paged<Incident> newest(Paged.PageRequest request) {
		long total = incidents.count();
		List<Incident> content = incidents.findNewest(request.offset(), request.size());
		return Paged.of(content, request, total);
	}

	/** The incidents matching the filter, one page; "me" as assignee means {@code currentUser}. */
	@Transactional(readOnly = true)
	Paged<IncidentRow> list(IncidentFilter filter, String currentUser, Paged.PageRequest request) {
		IncidentQuery query = IncidentQuery.of(filter, currentUser);
		return Paged.of(pages.list(query, request.offset(), request.size()), request, pages.count(query));
	}

	@Transactional(readOnly = true)
	Optional<IncidentDetails> details(long id) {
		return incidents.findById(id).map(incident -> {
			List<IncidentAlert> alerts = incidents.findAlerts(id);
			List<EventFields> events = new ArrayList<>();
			alerts.forEach(a -> events.addAll(a.events()));
			return new IncidentDetails(incident, alerts, pages.sla(id).orElse(null), pages.notes(id),
					audit.forIncident(id), Observables.of(events));
		});
	}

	/** Users and teams to assign to. */
	@Transactional(readOnly = true)
	Assignable assignable() {
		return new Assignable(workflow.usernames(), workflow.teams());
	}

	record Assignable(List<String> users, List<String> teams) {
	}

	/** An incident with everything its page shows. */
	record IncidentDetails(Incident incident, List<IncidentAlert> alerts, SlaStatus sla, List<Note> notes,
			List<AuditLog.Entry> audit, List<Observables.Observable> observables) {

		IncidentDetails(Incident incident, List<IncidentAlert> alerts) {
			this(incident, alerts, null, List.of(), List.of(), List.of());
		}

	}

}
