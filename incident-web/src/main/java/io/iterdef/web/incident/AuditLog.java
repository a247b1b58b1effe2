package io.iterdef.web.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit_log table (append-only: the database refuses UPDATE and DELETE). Entries are written in the
 * transaction of the change they describe; before and after hold the changed values only.
 */
@Repository
class AuditLog {

	/** One entry as shown on the incident page; before/after are JSON text ("" when none). */
	record Entry(long id, Instant at, String actor, String action, String before, String after) {
	}

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void append(Actor actor, Long incidentId, String action, Map<String, ?> before, Map<String, ?> after) {
		jdbc.sql("INSERT INTO audit_log (actor, incident_id, action, before, after) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")
			.params(actor.username(), incidentId, action, before == null ? null : json.writeValueAsString(before),
					after == null ? null : json.writeValueAsString(after))
			.update();
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

	List<Entry> forIncident(long incidentId) {
		return jdbc.sql("""
				SELECT id, at, actor, action, coalesce(before::text, '') AS before, coalesce(after::text, '') AS after
				  FROM audit_log WHERE incident_id = ? ORDER BY at, id""")
			.param(incidentId)
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", Timestamp.class).toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("before"), rs.getString("after")))
			.list();
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
