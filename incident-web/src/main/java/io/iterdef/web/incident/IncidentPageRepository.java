package io.iterdef.web.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads for the incident pages: the filtered list, SLA clocks, notes. */
@Repository
class IncidentPageRepository {

	private static final String COLUMNS = "i." + IncidentRepository.COLUMNS.replace(", ", ", i.");

	private final JdbcClient jdbc;

	IncidentPageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<IncidentRow> list(IncidentQuery query, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + ", s.sla_state, s.paused" + IncidentQuery.FROM + query.where()
				+ query.orderBy() + " LIMIT ? OFFSET ?")
			.params(query.params())
			.param(limit)
			.param(offset)
			.query((rs, n) -> new IncidentRow(IncidentRepository.INCIDENT.mapRow(rs, n), rs.getString("sla_state"),
					rs.getBoolean("paused")))
			.list();
	}

	long count(IncidentQuery query) {
		return jdbc.sql("SELECT count(*)" + IncidentQuery.FROM + query.where())
			.params(query.params())
			.query(Long.class)
			.single();
	}

	Optional<SlaStatus> sla(long id) {
		return jdbc.sql("""
				SELECT s.*, i.acknowledged_at, i.resolved_at, now() AS now, p.paused_at, p.reason
				  FROM incident_sla s JOIN incidents i ON i.id = s.incident_id
				  LEFT JOIN incident_sla_pauses p ON p.incident_id = s.incident_id AND p.resumed_at IS NULL
				 WHERE s.incident_id = ?""").param(id).query((rs, n) -> {
			boolean paused = rs.getBoolean("paused");
			Instant now = instant(rs, "now");
			boolean acked = rs.getTimestamp("acknowledged_at") != null || rs.getTimestamp("resolved_at") != null;
			boolean resolved = rs.getTimestamp("resolved_at") != null;
			return new SlaStatus(paused, instant(rs, "paused_at"), rs.getString("reason"),
					phase(rs, "sla_ack_seconds", "ack_elapsed_seconds", "ack_state", !acked && !paused, now),
					phase(rs, "sla_resolve_seconds", "resolve_elapsed_seconds", "resolve_state", !resolved && !paused,
							now),
					rs.getString("sla_state"));
		}).optional();
	}

	private static SlaStatus.Phase phase(ResultSet rs, String target, String elapsed, String state, boolean running,
			Instant now) throws SQLException {
		long targetValue = rs.getLong(target);
		Long targetSeconds = rs.wasNull() ? null : targetValue;
		long elapsedSeconds = (long) rs.getDouble(elapsed);
		Instant due = running && targetSeconds != null ? now.plusSeconds(targetSeconds - elapsedSeconds) : null;
		return new SlaStatus.Phase(targetSeconds, elapsedSeconds, rs.getString(state), due);
	}

	List<Note> notes(long id) {
		return jdbc.sql("SELECT id, author, created_at, body FROM incident_notes WHERE incident_id = ? ORDER BY created_at, id")
			.param(id)
			.query((rs, n) -> new Note(rs.getLong("id"), rs.getString("author"), instant(rs, "created_at"),
					rs.getString("body"), Markdown.toHtml(rs.getString("body"))))
			.list();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
