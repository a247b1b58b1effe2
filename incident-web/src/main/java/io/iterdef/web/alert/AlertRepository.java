package io.iterdef.web.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Alerts in PostgreSQL; the alert id is the primary key, so storing one twice is a no-op. The suppressed-match
 * count of a stored alert only ever grows ({@link #raiseSuppressedCount}).
 */
@Repository
class AlertRepository {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AlertRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	boolean exists(String id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM alerts WHERE id = ?)").param(id).query(Boolean.class).single();
	}

	/** Inserts the alert unless one with its id exists; true when inserted. */
	boolean insert(AlertJson alert, long incidentId) {
		return jdbc.sql("""
				INSERT INTO alerts (id, incident_id, rule_id, rule_name, severity, attack, host_name, group_key,
				                    alert_time, event_ids, events, raw, suppressed_count, last_suppressed_at)
				VALUES (?, ?, ?, ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?, ?,
				        ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?::jsonb, ?::jsonb, ?, ?)
				ON CONFLICT (id) DO NOTHING""")
			.params(alert.id(), incidentId, alert.ruleId(), alert.ruleName(), alert.severity().dbValue(),
					json.writeValueAsString(alert.attack()), alert.hostName(), alert.groupKey(),
					alert.timestamp().atOffset(ZoneOffset.UTC), json.writeValueAsString(alert.eventIds()),
					alert.events(), alert.raw(), alert.suppressedCount(), utc(alert.lastSuppressedAt()))
			.update() == 1;
	}

	/**
	 * Stores the alert's suppressed count (and the time of the last suppressed match, and the alert JSON as received)
	 * when it is higher than the stored one; returns the incident id of the updated alert, empty when nothing changed
	 * (no such alert, or the same or a higher count stored already: a replay or an older record).
	 */
	Optional<Long> raiseSuppressedCount(AlertJson alert) {
		return jdbc.sql("""
				UPDATE alerts
				   SET suppressed_count = ?, last_suppressed_at = ?, raw = ?::jsonb
				 WHERE id = ? AND suppressed_count < ?
				RETURNING incident_id""")
			.params(alert.suppressedCount(), utc(alert.lastSuppressedAt()), alert.raw(), alert.id(),
					alert.suppressedCount())
			.query(Long.class)
			.optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	long countForIncident(long incidentId) {
		return jdbc.sql("SELECT count(*) FROM alerts WHERE incident_id = ?").param(incidentId).query(Long.class).single();
	}

}
