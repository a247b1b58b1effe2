package io.iterdef.web.user;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes audit_log rows for changes that are not about one incident (users, teams, API tokens). Callers
 * run it inside their own transaction, so the change and its audit row commit together. Never pass a
 * password or a hash in before/after.
 */
@Component
public class AuditWriter {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditWriter(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void write(String actor, String action, Map<String, ?> before, Map<String, ?> after) {
		jdbc.sql("INSERT INTO audit_log (actor, action, before, after) VALUES (?, ?, ?::jsonb, ?::jsonb)")
			.params(actor, action, toJson(before), toJson(after))
			.update();
	}

	private String toJson(Map<String, ?> value) {
		return value == null ? null : json.writeValueAsString(value);
	}

}
