package io.iterdef.web.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the workflow steps; the caller ({@link IncidentWorkflow}) holds the transaction and the row lock. */
@Repository
class WorkflowRepository {

	/** The highest severity of an incident's alerts (severity is text in the database). */
	private static final String SEVERITY_RANK = "CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 "
			+ "WHEN 'medium' THEN 2 ELSE 1 END";

	private final JdbcClient jdbc;

	WorkflowRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void acknowledge(long id, String actor) {
		jdbc.sql("""
				UPDATE incidents SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = ?,
				       updated_at = now() WHERE id = ?""").params(actor, id).update();
	}

	/** Starts the investigation; an incident never acknowledged counts as acknowledged now. */
	void investigate(long id, String actor) {
		jdbc.sql("""
				UPDATE incidents SET status = 'investigating', acknowledged_at = coalesce(acknowledged_at, now()),
				       acknowledged_by = coalesce(acknowledged_by, ?), updated_at = now() WHERE id = ?""")
			.params(actor, id)
			.update();
	}

	void resolve(long id, Resolution resolution, String actor) {
		jdbc.sql("""
				UPDATE incidents SET status = 'resolved', resolution = ?, resolved_at = now(), resolved_by = ?,
				       updated_at = now() WHERE id = ?""").params(resolution.dbValue(), actor, id).update();
	}

	/** Back to open: investigating when it had been acknowledged, else new; the resolution is cleared. */
	void reopen(long id) {
		jdbc.sql("""
				UPDATE incidents SET status = CASE WHEN acknowledged_at IS NULL THEN 'new' ELSE 'investigating' END,
				       resolution = NULL, resolved_at = NULL, resolved_by = NULL,
				       reopen_count = reopen_count + 1, updated_at = now() WHERE id = ?""").param(id).update();
	}

	void setGroupingReason(long id, String reason) {
		jdbc.sql("UPDATE incidents SET grouping_reason = ? WHERE id = ?").params(reason, id).update();
	}

	void assign(long id, String assignee, String team) {
		jdbc.sql("UPDATE incidents SET assignee = ?, team = ?, updated_at = now() WHERE id = ?")
			.params(assignee, team, id)
			.update();
	}

	boolean userExists(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE username = ? AND enabled)")
			.param(username)
			.query(Boolean.class)
			.single();
	}

	boolean teamExists(String team) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM teams WHERE name = ?)").param(team).query(Boolean.class).single();
	}

	List<String> usernames() {
		return jdbc.sql("SELECT username FROM users WHERE enabled ORDER BY username").query(String.class).list();
	}

	List<String> teams() {
		return jdbc.sql("SELECT name FROM teams ORDER BY name").query(String.class).list();
	}

	/** The open pause's start, when the incident's SLA clock is paused. */
	Optional<Instant> openPause(long id) {
		return jdbc.sql("SELECT paused_at FROM incident_sla_pauses WHERE incident_id = ? AND resumed_at IS NULL")
			.param(id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	void pause(long id, String reason, String actor) {
		jdbc.sql("INSERT INTO incident_sla_pauses (incident_id, paused_by, reason) VALUES (?, ?, ?)")
			.params(id, actor, reason)
			.update();
		touch(id);
	}

	void resume(long id, String actor) {
		jdbc.sql("""
				UPDATE incident_sla_pauses SET resumed_at = now(), resumed_by = ?
				 WHERE incident_id = ? AND resumed_at IS NULL""").params(actor, id).update();
		touch(id);
	}

	long addNote(long id, String body, String actor) {
		long noteId = jdbc.sql("INSERT INTO incident_notes (incident_id, author, body) VALUES (?, ?, ?) RETURNING id")
			.params(id, actor, body)
			.query(Long.class)
			.single();
		touch(id);
		return noteId;
	}

	/** Moves every alert of {@code source} to {@code target}; the number moved. */
	int moveAlerts(long source, long target) {
		return jdbc.sql("UPDATE alerts SET incident_id = ? WHERE incident_id = ?").params(target, source).update();
	}

	void markMerged(long source, long target, String actor) {
		jdbc.sql("""
				UPDATE incidents SET status = 'resolved', resolution = 'duplicate', resolved_at = now(),
				       resolved_by = ?, merged_into = ?, updated_at = now() WHERE id = ?""")
			.params(actor, target, source)
			.update();
	}

	/** The incident an alert belongs to, empty when there is no such alert. */
	Optional<Long> incidentOfAlert(String alertId) {
		return jdbc.sql("SELECT incident_id FROM alerts WHERE id = ?").param(alertId).query(Long.class).optional();
	}

	record AlertSummary(String id, String severity, String hostName, Instant alertTime) {
	}

	AlertSummary alert(String alertId) {
		return jdbc.sql("SELECT id, severity, host_name, alert_time FROM alerts WHERE id = ?")
			.param(alertId)
			.query((rs, n) -> new AlertSummary(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.single();
	}

	/** A new incident for one alert split out of {@code from}: same rule, the group key with a split suffix. */
	long insertSplit(Incident from, AlertSummary alert, String groupKey, String reason) {
		return jdbc.sql("""
				INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, status,
				                       first_seen, last_seen, alert_count, grouping_reason)
				VALUES (?, ?, ?, ?, ?, ?, 'new', ?, ?, 0, ?) RETURNING id""")
			.params(from.title(), from.ruleId(), from.ruleName(), alert.severity(), alert.hostName(), groupKey,
					IncidentRepository.utc(alert.alertTime()), IncidentRepository.utc(alert.alertTime()), reason)
			.query(Long.class)
			.single();
	}

	void moveAlert(String alertId, long target) {
		jdbc.sql("UPDATE alerts SET incident_id = ? WHERE id = ?").params(target, alertId).update();
	}

	/** Recomputes alert count, first/last seen and severity from the incident's alerts (kept when it has none). */
	void recount(long id) {
		jdbc.sql("""
				UPDATE incidents i
				   SET alert_count = a.n, first_seen = coalesce(a.first_seen, i.first_seen),
				       last_seen = coalesce(a.last_seen, i.last_seen), severity = coalesce(a.severity, i.severity),
				       updated_at = now()
				  FROM (SELECT count(*) AS n, min(alert_time) AS first_seen,
				               max(greatest(alert_time, coalesce(last_suppressed_at, alert_time))) AS last_seen,
				               (array_agg(severity ORDER BY %s DESC))[1] AS severity
				          FROM alerts WHERE incident_id = ?) a
				 WHERE i.id = ?""".formatted(SEVERITY_RANK)).params(id, id).update();
	}

	private void touch(long id) {
		jdbc.sql("UPDATE incidents SET updated_at = now() WHERE id = ?").param(id).update();
	}

}
