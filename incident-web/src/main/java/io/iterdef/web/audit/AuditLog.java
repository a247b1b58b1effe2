package io.iterdef.web.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * The audit_log table, the one writer of every feature (incidents, SLA targets, policies, escalation,
 * notifications, users, teams, tokens). Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
 * Entries are written in the caller's transaction, so a change and its entry commit together; before and
 * after hold the changed values only, never a password or a hash.
 */
@Repository
public class AuditLog {

	/** The actor of changes nobody typed: alert ingest and the escalation scheduler. */
	public static final String SYSTEM = "system";

	/** One entry as shown on the incident page; before/after are JSON text ("" when none). */
	public record Entry(long id, Instant at, String actor, String action, String before, String after) {
	}

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Appends one entry; {@code incidentId} is null for changes that are not about one incident. */
	public void append(String actor, Long incidentId, String action, Map<String, ?> before, Map<String, ?> after) {
		jdbc.sql("INSERT INTO audit_log (actor, incident_id, action, before, after) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")
			.params(actor, incidentId, action, toJson(before), toJson(after))
			.update();
	}

	/** The entries of one incident, oldest first. */
	public List<Entry> forIncident(long incidentId) {
		return jdbc.sql("""
				SELECT id, at, actor, action, coalesce(before::text, '') AS before, coalesce(after::text, '') AS after
				  FROM audit_log WHERE incident_id = ? ORDER BY at, id""")
			.param(incidentId)
			.query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", Timestamp.class).toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("before"), rs.getString("after")))
			.list();
	}

	private String toJson(Map<String, ?> values) {
		return values == null ? null : json.writeValueAsString(values);
	}

}
