package io.iterdef.web.incident;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Incidents, alerts, users and teams for the ITs, isolated by a random rule id and random names. */
final class IncidentTestData {

	final String ruleId = "it-rule-" + UUID.randomUUID();

	private final JdbcClient jdbc;

	private final IncidentRepository incidents;

	IncidentTestData(JdbcClient jdbc, IncidentRepository incidents) {
		this.jdbc = jdbc;
		this.incidents = incidents;
	}

	/** An open incident of this rule on the host, with one alert per given time (severity as given). */
	long incident(String host, Severity severity, Instant... alertTimes) {
		long id = incidents.insertOpen("Test rule on " + host, ruleId, "Test rule", severity, host, host,
				alertTimes[0], "rule Test rule (" + ruleId + "), host " + host).orElseThrow();
		for (Instant t : alertTimes) {
			alert(id, host, severity, t);
		}
		return id;
	}

	String alert(long incidentId, String host, Severity severity, Instant time) {
		String alertId = ruleId + "-" + UUID.randomUUID();
		String events = """
				[{"@timestamp":"%s","event":{"id":"ev-%s","code":"1"},"host":{"name":"%s","ip":["10.1.2.3"]},
				  "user":{"name":"pgustavo","domain":"THESHIRE"},
				  "process":{"command_line":"<script>alert(1)</script>","hash":{"sha256":"ABC123"}}}]"""
			.formatted(time, alertId, host);
		jdbc.sql("""
				INSERT INTO alerts (id, incident_id, rule_id, rule_name, severity, attack, host_name, group_key,
				                    alert_time, event_ids, events, raw)
				VALUES (?, ?, ?, 'Test rule', ?, '{T1059.001}', ?, ?, ?, '{}', ?::jsonb, '{}')""")
			.params(alertId, incidentId, ruleId, severity.dbValue(), host, host, IncidentRepository.utc(time), events)
			.update();
		incidents.addAlert(incidentId, severity, time);
		return alertId;
	}

	String user(String role) {
		String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, '{noop}x', ?)").params(name, role).update();
		return name;
	}

	String team() {
		String name = "team-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO teams (name) VALUES (?)").param(name).update();
		return name;
	}

	String column(long id, String column) {
		return jdbc.sql("SELECT " + column + "::text FROM incidents WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0);
	}

	/** The audit entries of an incident as "action actor before -> after" (jsonb text). */
	java.util.List<String> audit(long id) {
		return jdbc.sql("SELECT action || ' ' || actor || ' ' || coalesce(before::text, '-') || ' -> ' || "
				+ "coalesce(after::text, '-') FROM audit_log WHERE incident_id = ? ORDER BY id")
			.param(id)
			.query(String.class)
			.list();
	}

}
