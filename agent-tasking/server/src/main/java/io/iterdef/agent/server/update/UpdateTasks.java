package io.iterdef.agent.server.update;

import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Queues agent.update tasks (the one way to create them) and checks the agent they go to. */
@Repository
class UpdateTasks {

	static final long TIMEOUT_MS = 300_000;

	static final long CPU_MS = 60_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	UpdateTasks(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	boolean agentActive(UUID agentId) {
		return jdbc.sql("SELECT count(*) FROM agents WHERE id = :id AND revoked_at IS NULL")
			.param("id", agentId)
			.query(Long.class)
			.single() > 0;
	}

	/** A queued agent.update of {@code version} (whose package is {@code size} bytes) for one agent. */
	UUID queue(UUID agentId, String version, String sha256, long size, String actor, String reason) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, params, requested_by, source, max_attempts, timeout_ms, cpu_ms,
				                   max_bytes, expires_at, reason)
				VALUES (:id, :agent, :type, :params::jsonb, :actor, 'analyst', 3, :timeout, :cpu, :maxBytes,
				        now() + interval '24 hours', :reason)""")
			.param("id", id)
			.param("agent", agentId)
			.param("type", TaskType.AGENT_UPDATE.wireName())
			.param("params", json.writeValueAsString(Map.of("version", version, "sha256", sha256)))
			.param("actor", actor)
			.param("timeout", TIMEOUT_MS)
			.param("cpu", CPU_MS)
			.param("maxBytes", size)
			.param("reason", reason)
			.update();
		return id;
	}

}
