package io.iterdef.web.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.iterdef.web.notify.IncidentSummary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** incident_escalations: which policy version each incident runs under and where its escalation stands. */
@Repository
public class EscalationRepository {

	/** An incident the scheduler has not looked at yet. */
	record Candidate(long incidentId, String ruleId, String severity, Instant createdAt) {
	}

	/** A due escalation, locked by the claiming transaction. */
	record Due(long incidentId, long policyId, int version, int nextLevel, int round, Instant nextAt,
			IncidentSummary incident) {
	}

	/** An escalation the sweep just stopped. */
	record Stopped(long incidentId, String reason, long policyId, int version, int nextLevel, int round) {
	}

	private final JdbcClient jdbc;

	EscalationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<IncidentEscalation> find(long incidentId) {
		return jdbc.sql("""
				SELECT incident_id, policy_id, version, next_level, repeat_round, next_at, started_at, stopped_at, stop_reason
				  FROM incident_escalations WHERE incident_id = ?""")
			.param(incidentId)
			.query((rs, n) -> new IncidentEscalation(rs.getLong("incident_id"), rs.getObject("policy_id", Long.class),
					rs.getObject("version", Integer.class), rs.getInt("next_level") + 1, rs.getInt("repeat_round"),
					instant(rs, "next_at"), instant(rs, "started_at"), instant(rs, "stopped_at"), rs.getString("stop_reason")))
			.optional();
	}

	/**
	 * New, unacknowledged incidents without an escalation row, created since the first policy version existed
	 * (older incidents never escalate; incidents acknowledged before the scheduler saw them get no row), oldest
	 * first.
	 */
	List<Candidate> candidates(int limit) {
		return jdbc.sql("""
				SELECT i.id, i.rule_id, i.severity, i.created_at
				  FROM incidents i
				 WHERE i.status = 'new' AND i.acknowledged_at IS NULL AND i.merged_into IS NULL
				   AND i.created_at >= (SELECT min(created_at) FROM escalation_policy_versions)
				   AND NOT EXISTS (SELECT 1 FROM incident_escalations e WHERE e.incident_id = i.id)
				 ORDER BY i.id LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("rule_id"), rs.getString("severity"),
					instant(rs, "created_at")))
			.list();
	}

	/** True when this transaction attached it (another instance may have been first). */
	boolean attach(long incidentId, long policyId, int version, Instant firstDue) {
		return jdbc.sql("""
				INSERT INTO incident_escalations (incident_id, policy_id, version, next_level, repeat_round, next_at)
				VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (incident_id) DO NOTHING""")
			.params(incidentId, policyId, version, Timestamp.from(firstDue))
			.update() == 1;
	}

	/** Records that the incident does not escalate (no policy matched). */
	boolean attachStopped(long incidentId, Long policyId, Integer version, String reason) {
		return jdbc.sql("""
				INSERT INTO incident_escalations (incident_id, policy_id, version, stopped_at, stop_reason)
				VALUES (?, ?, ?, now(), ?) ON CONFLICT (incident_id) DO NOTHING""")
			.params(incidentId, policyId, version, reason)
			.update() == 1;
	}

	/** Stops the running escalations of incidents acknowledged, resolved or merged since the last poll. */
	List<Stopped> stopAcknowledged() {
		return jdbc.sql("""
				WITH s AS (
				    SELECT e.incident_id,
				           CASE WHEN i.merged_into IS NOT NULL THEN 'merged'
				                WHEN i.status = 'resolved' THEN 'resolved'
				                ELSE 'acknowledged' END AS reason
				      FROM incident_escalations e JOIN incidents i ON i.id = e.incident_id
				     WHERE e.stopped_at IS NULL
				       AND (i.status <> 'new' OR i.acknowledged_at IS NOT NULL OR i.merged_into IS NOT NULL)
				     ORDER BY e.incident_id
				     FOR UPDATE OF e SKIP LOCKED)
				UPDATE incident_escalations e SET stopped_at = now(), stop_reason = s.reason
				  FROM s WHERE e.incident_id = s.incident_id
				RETURNING e.incident_id, s.reason, e.policy_id, e.version, e.next_level, e.repeat_round""")
			.query((rs, n) -> new Stopped(rs.getLong("incident_id"), rs.getString("reason"), rs.getLong("policy_id"),
					rs.getInt("version"), rs.getInt("next_level"), rs.getInt("repeat_round")))
			.list();
	}

	/** Locks up to {@code limit} due escalations of still unacknowledged incidents that no other transaction holds. */
	List<Due> claimDue(int limit) {
		return jdbc.sql("""
				SELECT e.incident_id, e.policy_id, e.version, e.next_level, e.repeat_round, e.next_at,
				       i.title, i.severity, i.status, i.rule_id, i.host_name
				  FROM incident_escalations e JOIN incidents i ON i.id = e.incident_id
				 WHERE e.stopped_at IS NULL AND e.next_at <= now()
				   AND i.status = 'new' AND i.acknowledged_at IS NULL AND i.merged_into IS NULL
				 ORDER BY e.next_at, e.incident_id LIMIT ?
				 FOR UPDATE OF e SKIP LOCKED""")
			.param(limit)
			.query((rs, n) -> new Due(rs.getLong("incident_id"), rs.getLong("policy_id"), rs.getInt("version"),
					rs.getInt("next_level"), rs.getInt("repeat_round"), instant(rs, "next_at"),
					new IncidentSummary(rs.getLong("incident_id"), rs.getString("title"), rs.getString("severity"),
							rs.getString("status"), rs.getString("rule_id"), rs.getString("host_name"))))
			.list();
	}

	void advance(long incidentId, int nextLevel, int round, Instant nextAt) {
		jdbc.sql("UPDATE incident_escalations SET next_level = ?, repeat_round = ?, next_at = ? WHERE incident_id = ?")
			.params(nextLevel, round, Timestamp.from(nextAt), incidentId)
			.update();
	}

	void complete(long incidentId, String reason) {
		jdbc.sql("UPDATE incident_escalations SET stopped_at = now(), stop_reason = ? WHERE incident_id = ?")
			.params(reason, incidentId)
			.update();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
