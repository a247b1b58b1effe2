package io.iterdef.web.escalation;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes audit_log rows for SLA targets, policies, escalation and notifications, in the caller's
 * transaction. The scheduler writes as 'system'.
 */
@Component
public class AuditTrail {

	public static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditTrail(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void record(String actor, Long incidentId, String action, Map<String, ?> before, Map<String, ?> after) {
		jdbc.sql("INSERT INTO audit_log (actor, incident_id, action, before, after) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)")
			.params(actor, incidentId, action, toJson(before), toJson(after))
			.update();
	}

	private String toJson(Map<String, ?> values) {
		return values == null ? null : json.writeValueAsString(values);
	}

}
