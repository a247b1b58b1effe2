package io.iterdef.web.incident;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Incidents (and the alerts shown with them) in PostgreSQL, with plain SQL through {@link JdbcClient}. */
@Repository
public class IncidentRepository {

	static final String COLUMNS = "id, title, rule_id, rule_name, severity, host_name, group_key, status, "
			+ "created_at, updated_at, first_seen, last_seen, alert_count, assignee, team, acknowledged_at, "
			+ "acknowledged_by, resolved_at, resolved_by, resolution, reopen_count, merged_into, grouping_reason";

	static final RowMapper<Incident> INCIDENT = (rs, n) -> new Incident(rs.getLong("id"), rs.getString("title"),
			rs.getString("rule_id"), rs.getString("rule_name"), Severity.parse(rs.getString("severity")),
			rs.getString("host_name"), rs.getString("group_key"), IncidentStatus.fromDb(rs.getString("status")),
			instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "first_seen"), instant(rs, "last_seen"),
			rs.getInt("alert_count"), rs.getString("assignee"), rs.getString("team"), instant(rs, "acknowledged_at"),
			rs.getString("acknowledged_by"), instant(rs, "resolved_at"), rs.getString("resolved_by"),
			Resolution.parse(rs.getString("resolution")), rs.getInt("reopen_count"),
			mergedInto(rs), rs.getString("grouping_reason"));

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	IncidentRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Incident> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE id = ?").param(id).query(INCIDENT).optional();
	}

	/** The incident, locked until the end of the transaction (workflow changes). */
	public Optional<Incident> findByIdForUpdate(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incidents WHERE id = ? FOR UPDATE").param(id).query(INCIDENT).optional();
	}

	/** The most recently resolved incident of a rule and group key, locked; empty when there is none. */
	public Optional<Incident> findLastResolvedForUpdate(String ruleId, String groupKey) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM incidents WHERE rule_id = ? AND group_key = ? AND status = 'resolved' "
					+ "ORDER BY resolved_at DESC, id DESC LIMIT 1 FOR UPDATE")
			.param(ruleId)
			.param(groupKey)
			.query(INCIDENT)
			.optional();
	}

	/**
	 * Serializes alert ingest per rule and group key until the end of the transaction (a PostgreSQL advisory
	 * lock), so two consumers cannot both reopen, or reopen and open, for the same pair.
	 */
	public void lockGroup(String ruleId, String groupKey) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(? || chr(31) || ?, 0))")
			.params(ruleId, groupKey)
			.query((rs, n) -> 1)
			.list();
	}

	/** Newest first. */
	public List<Incident> findNewest(int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incidents ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.param(limit)
			.param(offset)
			.query(INCIDENT)
			.list();
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM incidents").query(Long.class).single();
	}

	/** The open incident of a rule and group key, locked until the end of the transaction. */
	public Optional<Incident> findOpenForUpdate(String ruleId, String groupKey) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM incidents WHERE rule_id = ? AND group_key = ? AND status <> 'resolved' "
					+ "FOR UPDATE")
			.param(ruleId)
			.param(groupKey)
			.query(INCIDENT)
			.optional();
	}

	/**
	 * Opens a new incident with no alerts yet; empty when another transaction opened one for the same rule
	 * and group key first (the partial unique index allows one open incident per pair).
	 */
	public Optional<Long> insertOpen(String title, String ruleId, String ruleName, Severity severity, String hostName,
			String groupKey, Instant seen) {
		return insertOpen(title, ruleId, ruleName, severity, hostName, groupKey, seen, null);
	}

	/** {@link #insertOpen(String, String, String, Severity, String, String, Instant)} with the grouping reason. */
	public Optional<Long> insertOpen(String title, String ruleId, String ruleName, Severity severity, String hostName,
			String groupKey, Instant seen, String groupingReason) {
		return jdbc.sql("""
				INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, status,
				                       first_seen, last_seen, alert_count, grouping_reason)
				VALUES (?, ?, ?, ?, ?, ?, 'new', ?, ?, 0, ?)
				ON CONFLICT (rule_id, group_key) WHERE status <> 'resolved' DO NOTHING
				RETURNING id""")
			.params(title, ruleId, ruleName, severity.dbValue(), hostName, groupKey, utc(seen), utc(seen),
					groupingReason)
			.query(Long.class)
			.optional();
	}

	/** Counts one more alert on the incident, widens its time range, and sets its severity. */
	public void addAlert(long id, Severity severity, Instant alertTime) {
		OffsetDateTime t = utc(alertTime);
		jdbc.sql("""
				UPDATE incidents
				   SET alert_count = alert_count + 1, severity = ?,
				       first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?), updated_at = now()
				 WHERE id = ?""").params(severity.dbValue(), t, t, id).update();
	}

	/** Widens the incident's last-seen time to {@code seen} (alerts unchanged), and marks it updated. */
	public void touch(long id, Instant seen) {
		jdbc.sql("UPDATE incidents SET last_seen = GREATEST(last_seen, ?), updated_at = now() WHERE id = ?")
			.params(utc(seen), id)
			.update();
	}

	public boolean updateStatus(long id, IncidentStatus status) {
		if (status == IncidentStatus.RESOLVED) {
			throw new IllegalArgumentException("resolving needs a resolution: use resolve(id, resolution)");
		}
		return jdbc.sql("UPDATE incidents SET status = ?, updated_at = now() WHERE id = ?")
			.params(status.dbValue(), id)
			.update() == 1;
	}

	/** Resolves the incident with a resolution (true_positive, false_positive, benign, duplicate). */
	public boolean resolve(long id, String resolution) {
		return jdbc.sql("UPDATE incidents SET status = 'resolved', resolution = ?, resolved_at = now(), "
				+ "updated_at = now() WHERE id = ?").params(resolution, id).update() == 1;
	}

	/** The incident's alerts in time order, each with its matched events flattened. */
	public List<IncidentAlert> findAlerts(long incidentId) {
		return jdbc.sql("""
				SELECT id, rule_id, rule_name, severity, attack, host_name, alert_time, received_at, events::text AS events,
				       suppressed_count, last_suppressed_at
				  FROM alerts WHERE incident_id = ? ORDER BY alert_time, id""")
			.param(incidentId)
			.query((rs, n) -> new IncidentAlert(rs.getString("id"), rs.getString("rule_id"),
					rs.getString("rule_name"), Severity.parse(rs.getString("severity")), strings(rs.getArray("attack")),
					rs.getString("host_name"), instant(rs, "alert_time"), instant(rs, "received_at"),
					events(rs.getString("events")), rs.getLong("suppressed_count"), instant(rs, "last_suppressed_at")))
			.list();
	}

	private List<EventFields> events(String eventsJson) {
		List<EventFields> events = new ArrayList<>();
		JsonNode array = json.readTree(eventsJson == null ? "[]" : eventsJson);
		for (JsonNode event : array.values()) {
			events.add(EventFields.of(event));
		}
		return events;
	}

	private static Long mergedInto(ResultSet rs) throws SQLException {
		long id = rs.getLong("merged_into");
		return rs.wasNull() ? null : id;
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
