package io.iterdef.agent.server.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks table: queueing, leasing (FOR UPDATE SKIP LOCKED), results and the sweeper's updates. */
@Repository
class TaskRepository {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/** The most rows one sweep statement changes (the next sweep takes the rest). */
	static final int SWEEP_BATCH = 1000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TaskRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts a task in {@code state} (queued or awaiting_approval); false when a task with this id exists already. */
	boolean insert(UUID id, NewTask task, String type, String state, TaskLimits limits, int maxAttempts,
			Duration expiresIn) {
		return jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, params, state, requested_by, source, max_attempts, timeout_ms,
				                   cpu_ms, max_bytes, expires_at, reason, incident_id, rule_id, alert_id, hunt_id)
				VALUES (:id, :agent, :type, :params::jsonb, :state, :requestedBy, :source, :maxAttempts, :timeout, :cpu,
				        :maxBytes, now() + CAST(:expiresMs AS double precision) * interval '1 millisecond', :reason,
				        :incident, :rule, :alert, :hunt)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", id)
			.param("agent", task.agentId())
			.param("type", type)
			.param("params", json.writeValueAsString(task.params() == null ? Map.of() : task.params()))
			.param("state", state)
			.param("requestedBy", task.requestedBy())
			.param("source", task.source())
			.param("maxAttempts", maxAttempts)
			.param("timeout", limits.timeoutMillis())
			.param("cpu", limits.cpuMillis())
			.param("maxBytes", limits.maxBytes())
			.param("expiresMs", expiresIn.toMillis())
			.param("reason", task.reason())
			.param("incident", task.incidentId(), java.sql.Types.BIGINT)
			.param("rule", task.ruleId())
			.param("alert", task.alertId())
			.param("hunt", task.huntId(), java.sql.Types.OTHER)
			.update() > 0;
	}

	/** The agent and type of an existing task (idempotent creation compares them). */
	Optional<TaskRow> find(UUID id) {
		return jdbc.sql("""
				SELECT id, agent_id, type, state, attempts, max_attempts, max_bytes, result IS NOT NULL AS has_result,
				       error
				FROM tasks WHERE id = :id""")
			.param("id", id)
			.query((rs, n) -> new TaskRow(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class),
					rs.getString("type"), rs.getString("state"), rs.getInt("attempts"), rs.getInt("max_attempts"),
					rs.getLong("max_bytes"), rs.getBoolean("has_result"), rs.getString("error")))
			.optional();
	}

	/** A task as the admin API shows it, with its uploads; empty when there is none with this id. */
	Optional<TaskView> view(UUID id) {
		List<TaskView.Upload> files = jdbc.sql("""
				SELECT id, name, size, sha256, state FROM uploads WHERE task_id = :id ORDER BY created_at, id""")
			.param("id", id)
			.query((rs, n) -> new TaskView.Upload(rs.getString("id"), rs.getString("name"), rs.getLong("size"),
					rs.getString("sha256"), rs.getString("state")))
			.list();
		return jdbc.sql("""
				SELECT t.id, t.agent_id, a.hostname, t.type, t.params::text AS params, t.state, t.requested_by, t.source,
				       t.reason, t.approved_by, t.decided_at, t.decision_note, t.rule_id, t.alert_id, t.incident_id,
				       t.hunt_id, t.attempts, t.max_attempts, t.created_at, t.expires_at, t.finished_at,
				       (t.result -> 'data')::text AS result, t.error
				FROM tasks t JOIN agents a ON a.id = t.agent_id
				WHERE t.id = :id""")
			.param("id", id)
			.query((rs, n) -> new TaskView(rs.getString("id"), rs.getString("agent_id"), rs.getString("hostname"),
					rs.getString("type"), json.readValue(rs.getString("params"), MAP), rs.getString("state"),
					rs.getString("requested_by"), rs.getString("source"), rs.getString("reason"),
					rs.getString("approved_by"), iso(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
					rs.getString("rule_id"), rs.getString("alert_id"), rs.getObject("incident_id", Long.class),
					rs.getString("hunt_id"), rs.getInt("attempts"), rs.getInt("max_attempts"),
					iso(rs.getTimestamp("created_at")), iso(rs.getTimestamp("expires_at")),
					iso(rs.getTimestamp("finished_at")),
					rs.getString("result") == null ? null : json.readValue(rs.getString("result"), Object.class),
					rs.getString("error"), files))
			.optional();
	}

	private static String iso(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().toString();
	}

	/**
	 * Leases up to {@code max} of the agent's queued, unexpired tasks (oldest first) for their timeout plus
	 * {@code grace}; rows another poll is leasing are skipped, so no task is leased twice.
	 */
	List<TaskAssignment> lease(UUID agentId, int max, Duration grace) {
		return jdbc.sql("""
				UPDATE tasks t
				SET state = 'leased', attempts = t.attempts + 1,
				    lease_until = now() + CAST(t.timeout_ms + :graceMs AS double precision) * interval '1 millisecond'
				WHERE t.id IN (SELECT id FROM tasks
				               WHERE agent_id = :agent AND state = 'queued' AND expires_at > now()
				               ORDER BY created_at, id LIMIT :max FOR UPDATE SKIP LOCKED)
				RETURNING t.id, t.type, t.params::text AS params, t.lease_until, t.timeout_ms, t.cpu_ms, t.max_bytes""")
			.param("agent", agentId)
			.param("max", max)
			.param("graceMs", grace.toMillis())
			.query((rs, n) -> new TaskAssignment(rs.getObject("id", UUID.class).toString(), rs.getString("type"),
					json.readValue(rs.getString("params"), MAP), rs.getTimestamp("lease_until").getTime(),
					new TaskLimits(rs.getLong("timeout_ms"), rs.getLong("cpu_ms"), rs.getLong("max_bytes"))))
			.list();
	}

	/** Ends a task leased to this agent with its result; empty when it is not (any more) leased to it. */
	Optional<FinishedTask> finish(UUID taskId, UUID agentId, String state, String resultJson, String error) {
		return jdbc.sql("""
				UPDATE tasks
				SET state = :state, result = :result::jsonb, error = :error, finished_at = now(), lease_until = NULL
				WHERE id = :id AND agent_id = :agent AND state = 'leased'
				RETURNING id, type, params::text AS params, requested_by, source, attempts, finished_at""")
			.param("id", taskId)
			.param("agent", agentId)
			.param("state", state)
			.param("result", resultJson)
			.param("error", error)
			.query((rs, n) -> new FinishedTask(rs.getObject("id", UUID.class), rs.getString("type"),
					json.readValue(rs.getString("params"), MAP), rs.getString("requested_by"), rs.getString("source"),
					rs.getInt("attempts"), rs.getTimestamp("finished_at").toInstant()))
			.optional();
	}

	/**
	 * Queued and awaiting-approval tasks past their expiry become expired; returns how many. Rows another sweeper
	 * holds are skipped (it handles them), so two server instances never wait on each other nor sweep a row twice.
	 */
	int expireQueued() {
		return jdbc.sql("""
				UPDATE tasks t SET state = 'expired', finished_at = now(),
				       error = CASE WHEN t.state = 'awaiting_approval' THEN 'not approved before it expired'
				                    ELSE 'not picked up by its agent before it expired' END
				WHERE t.id IN (SELECT id FROM tasks
				               WHERE state IN ('queued', 'awaiting_approval') AND expires_at <= now()
				               ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)""")
			.param("batch", SWEEP_BATCH)
			.update();
	}

	/**
	 * Leases that ran out: back to queued while attempts remain, else failed. Rows another sweeper (or a poll)
	 * holds are skipped, so several server instances are safe: each row is swept once, nobody waits on a lock.
	 */
	int releaseExpiredLeases() {
		return jdbc.sql("""
				UPDATE tasks t SET lease_until = NULL,
				       state = CASE WHEN t.attempts < t.max_attempts THEN 'queued' ELSE 'failed' END,
				       finished_at = CASE WHEN t.attempts < t.max_attempts THEN NULL ELSE now() END,
				       error = CASE WHEN t.attempts < t.max_attempts
				                    THEN 'no result before the lease ran out (attempt ' || t.attempts || ' of ' || t.max_attempts || ')'
				                    ELSE 'no result within ' || t.max_attempts || ' attempts' END
				WHERE t.id IN (SELECT id FROM tasks
				               WHERE state = 'leased' AND lease_until <= now()
				               ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
				  AND t.state = 'leased'""")
			.param("batch", SWEEP_BATCH)
			.update();
	}

	/** A task's stored state. */
	record TaskRow(UUID id, UUID agentId, String type, String state, int attempts, int maxAttempts, long maxBytes,
			boolean hasResult, String error) {
	}

	/** A task that just got its result, with what the published record needs. */
	record FinishedTask(UUID id, String type, Map<String, Object> params, String requestedBy, String source,
			int attempt, java.time.Instant finishedAt) {
	}

}
