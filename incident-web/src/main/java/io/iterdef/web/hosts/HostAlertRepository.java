package io.iterdef.web.hosts;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A host's alerts in a window, from the incidents' alerts table (which gives each its incident). */
@Repository
class HostAlertRepository {

	/** More alerts than this in one window are not all marked (the strip says so). */
	static final int MAX_ALERTS = 200;

	/** An alert on the host: its rule, severity, time, incident and the events it matched. */
	record HostAlert(String id, long incidentId, String ruleName, String severity, Instant alertTime,
			List<String> eventIds) {
	}

	private final JdbcClient jdbc;

	HostAlertRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<HostAlert> find(String host, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT id, incident_id, rule_name, severity, alert_time, event_ids
				  FROM alerts
				 WHERE host_name = ? AND alert_time >= ? AND alert_time <= ?
				 ORDER BY alert_time, id
				 LIMIT ?""")
			.params(host, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC), MAX_ALERTS + 1)
			.query((rs, n) -> new HostAlert(rs.getString("id"), rs.getLong("incident_id"), rs.getString("rule_name"),
					rs.getString("severity"), rs.getTimestamp("alert_time").toInstant(), strings(rs.getArray("event_ids"))))
			.list();
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		try {
			return List.of((String[]) array.getArray());
		}
		finally {
			array.free();
		}
	}

}
