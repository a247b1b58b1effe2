package io.iterdef.web.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only queries of the REST API: plain, parameterized SQL over incidents, alerts and notes. */
@Repository
class ApiIncidentRepository {

	private static final String COLUMNS = """
			i.id, i.title, i.rule_id, i.rule_name, i.severity, i.status, i.host_name, i.group_key, i.assignee, i.team,
			i.created_at, i.updated_at, i.first_seen, i.last_seen, i.alert_count, i.acknowledged_at, i.acknowledged_by,
			i.resolved_at, i.resolved_by, i.resolution, i.merged_into, i.grouping_reason, s.sla_state
			""";

	private static final RowMapper<ApiModel.IncidentSummary> INCIDENT = (rs, n) -> new ApiModel.IncidentSummary(
			rs.getLong("id"), rs.getString("title"), rs.getString("rule_id"), rs.getString("rule_name"),
			rs.getString("severity"), rs.getString("status"), rs.getString("host_name"), rs.getString("group_key"),
			rs.getString("assignee"), rs.getString("team"), instant(rs, "created_at"), instant(rs, "updated_at"),
			instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getInt("alert_count"),
			instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "resolved_at"),
			rs.getString("resolved_by"), rs.getString("resolution"), (Long) rs.getObject("merged_into"),
			rs.getString("grouping_reason"), rs.getString("sla_state"));

	private final JdbcClient jdbc;

	ApiIncidentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One page of incidents matching the filter, newest first, and how many match in all. */
	ApiModel.IncidentPage find(ApiModel.IncidentFilter filter, int page, int size) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" WHERE true");
		if (filter.status() != null) {
			where.append(" AND i.status = ?");
			params.add(filter.status());
		}
		if (filter.severity() != null) {
			where.append(" AND i.severity = ?");
			params.add(filter.severity());
		}
		if (filter.rule() != null) {
			where.append(" AND (i.rule_id = ? OR i.rule_name = ?)");
			params.add(filter.rule());
			params.add(filter.rule());
		}
		if (filter.host() != null) {
			where.append(" AND lower(i.host_name) = lower(?)");
			params.add(filter.host());
		}
		long total = jdbc.sql("SELECT count(*) FROM incidents i" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) (page - 1) * size);
		List<ApiModel.IncidentSummary> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM incidents i LEFT JOIN incident_sla s ON s.incident_id = i.id" + where
					+ " ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(INCIDENT)
			.list();
		return new ApiModel.IncidentPage(total, page, size, items);
	}

	Optional<ApiModel.IncidentSummary> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM incidents i LEFT JOIN incident_sla s ON s.incident_id = i.id "
				+ "WHERE i.id = ?").param(id).query(INCIDENT).optional();
	}

	List<ApiModel.AlertSummary> alerts(long incidentId) {
		return jdbc.sql("""
				SELECT id, rule_id, rule_name, severity, attack, host_name, alert_time, event_ids, suppressed_count
				  FROM alerts WHERE incident_id = ? ORDER BY alert_time, id""")
			.param(incidentId)
			.query((rs, n) -> new ApiModel.AlertSummary(rs.getString("id"), rs.getString("rule_id"),
					rs.getString("rule_name"), rs.getString("severity"), strings(rs.getArray("attack")),
					rs.getString("host_name"), instant(rs, "alert_time"), strings(rs.getArray("event_ids")),
					rs.getLong("suppressed_count")))
			.list();
	}

	List<ApiModel.Note> notes(long incidentId) {
		return jdbc.sql("SELECT id, author, created_at, body FROM incident_notes WHERE incident_id = ? "
				+ "ORDER BY created_at, id")
			.param(incidentId)
			.query((rs, n) -> new ApiModel.Note(rs.getLong("id"), rs.getString("author"), instant(rs, "created_at"),
					rs.getString("body")))
			.list();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
