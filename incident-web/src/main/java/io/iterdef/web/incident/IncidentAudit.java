package io.iterdef.web.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.iterdef.web.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * The incident workflow's entries in the audit log: a step's change between two states of an incident (only
 * the fields that differ), written through {@link AuditLog} in the step's transaction.
 */
@Component
class IncidentAudit {

	private final AuditLog log;

	IncidentAudit(AuditLog log) {
		this.log = log;
	}

	void append(Actor actor, Long incidentId, String action, Map<String, ?> before, Map<String, ?> after) {
		log.append(actor.username(), incidentId, action, before, after);
	}

	/** Appends the change between two states of one incident (only the fields that differ), plus extra facts. */
	void appendChange(Actor actor, String action, Incident before, Incident after, Map<String, ?> extra) {
		Map<String, Object> b = snapshot(before);
		Map<String, Object> a = snapshot(after);
		Map<String, Object> changedBefore = new LinkedHashMap<>();
		Map<String, Object> changedAfter = new LinkedHashMap<>();
		a.forEach((key, value) -> {
			if (!Objects.equals(b.get(key), value)) {
				changedBefore.put(key, b.get(key));
				changedAfter.put(key, value);
			}
		});
		changedAfter.putAll(extra);
		append(actor, after.id(), action, changedBefore, changedAfter);
	}

	List<AuditLog.Entry> forIncident(long incidentId) {
		return log.forIncident(incidentId);
	}

	/** The workflow fields of an incident, as audited. */
	static Map<String, Object> snapshot(Incident i) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", i.status().dbValue());
		m.put("resolution", i.resolution() == null ? null : i.resolution().dbValue());
		m.put("assignee", i.assignee());
		m.put("team", i.team());
		m.put("acknowledged_by", i.acknowledgedBy());
		m.put("resolved_by", i.resolvedBy());
		m.put("reopen_count", i.reopenCount());
		m.put("merged_into", i.mergedInto());
		m.put("alert_count", i.alertCount());
		m.put("severity", i.severity().dbValue());
		return m;
	}

}
