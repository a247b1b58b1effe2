package io.iterdef.agent.server.hunt;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskLimits;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rollout's SQL: claiming a running hunt (FOR UPDATE SKIP LOCKED, so each hunt is rolled out by one server
 * instance at a time), choosing its agents, starting their tasks, and ending hunts (done, expired).
 */
@Repository
class RolloutRepository {

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final HuntRepository hunts;

	RolloutRepository(JdbcClient jdbc, JsonMapper json, HuntRepository hunts) {
		this.jdbc = jdbc;
		this.json = json;
		this.hunts = hunts;
	}

	/** Hunts not ended by their expiry become expired; returns how many. */
	int expireHunts() {
		return jdbc.sql("""
				UPDATE hunts SET state = 'expired', updated_at = now()
				WHERE state IN ('awaiting_approval', 'running', 'paused') AND expires_at <= now()""").update();
	}

	/**
	 * Locks the oldest running, unexpired hunt not in {@code skip} that no other transaction holds; the lock lasts
	 * until the caller's transaction ends (pause, cancel and the other instances wait for or skip it).
	 */
	Optional<Hunt> claimRunning(Collection<UUID> skip) {
		return jdbc.sql("SELECT " + HuntRepository.COLUMNS + """
				 FROM hunts
				WHERE state = 'running' AND expires_at > now() AND id NOT IN (:skip)
				ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("skip", skip)
			.query(hunts::hunt)
			.optional();
	}

	long targetCount(UUID huntId) {
		return jdbc.sql("SELECT count(*) FROM hunt_targets WHERE hunt_id = :id").param("id", huntId)
			.query(Long.class).single();
	}

	/** Unrevoked agents that match the hunt's targeting and are not its targets yet, oldest enrollment first. */
	List<Candidate> candidates(Hunt hunt, int limit) {
		TargetCriteria c = hunt.criteria();
		return jdbc.sql("""
				SELECT a.id, a.os, a.labels::text AS labels, a.last_seen_at, now() AS db_now
				FROM agents a
				WHERE a.revoked_at IS NULL AND a.labels @> CAST(:labels AS jsonb)
				  AND (CAST(:os AS text) IS NULL OR a.os = CAST(:os AS text))
				  AND (CAST(:seen AS bigint) IS NULL
				       OR a.last_seen_at >= now() - CAST(:seen AS double precision) * interval '1 second')
				  AND NOT EXISTS (SELECT 1 FROM hunt_targets t WHERE t.hunt_id = :hunt AND t.agent_id = a.id)
				ORDER BY a.enrolled_at, a.id LIMIT :limit""")
			.param("labels", json.writeValueAsString(c.labels()))
			.param("os", c.os())
			.param("seen", c.seenWithinSeconds())
			.param("hunt", hunt.id())
			.param("limit", limit)
			.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("os"),
					json.readValue(rs.getString("labels"), LABELS), HuntRepository.instant(rs, "last_seen_at"),
					HuntRepository.instant(rs, "db_now")))
			.list();
	}

	void addTarget(UUID huntId, UUID agentId) {
		jdbc.sql("INSERT INTO hunt_targets (hunt_id, agent_id) VALUES (:hunt, :agent) ON CONFLICT DO NOTHING")
			.param("hunt", huntId)
			.param("agent", agentId)
			.update();
	}

	/** Targets not started yet whose agent is not revoked. */
	long pending(UUID huntId) {
		return jdbc.sql("""
				SELECT count(*) FROM hunt_targets t JOIN agents a ON a.id = t.agent_id
				WHERE t.hunt_id = :id AND t.started_at IS NULL AND a.revoked_at IS NULL""")
			.param("id", huntId)
			.query(Long.class)
			.single();
	}

	/** Targets started in the last minute (the rollout rate's window). */
	long startedInLastMinute(UUID huntId) {
		return jdbc.sql("""
				SELECT count(*) FROM hunt_targets
				WHERE hunt_id = :id AND started_at > now() - interval '1 minute'""")
			.param("id", huntId)
			.query(Long.class)
			.single();
	}

	/**
	 * Starts up to {@code n} pending targets (longest chosen first): one queued task each with the hunt's type,
	 * parameters, requester and approver, source 'hunt', expiring at the hunt's expiry or after
	 * {@code maxTaskExpiry}, whichever comes first. Returns how many started.
	 */
	int start(UUID huntId, int n, TaskLimits limits, int maxAttempts, Duration maxTaskExpiry) {
		return jdbc.sql("""
				WITH picked AS (
				    SELECT t.agent_id FROM hunt_targets t JOIN agents a ON a.id = t.agent_id
				    WHERE t.hunt_id = :hunt AND t.started_at IS NULL AND a.revoked_at IS NULL
				    ORDER BY t.chosen_at, t.agent_id LIMIT :n),
				created AS (
				    INSERT INTO tasks (id, agent_id, type, params, requested_by, source, max_attempts, timeout_ms, cpu_ms,
				                       max_bytes, expires_at, reason, approved_by, decided_at, hunt_id)
				    SELECT gen_random_uuid(), p.agent_id, h.type, h.params, h.requested_by, 'hunt', :maxAttempts,
				           :timeout, :cpu, :maxBytes,
				           least(h.expires_at, now() + CAST(:expiryMs AS double precision) * interval '1 millisecond'),
				           left('hunt ' || h.name || coalesce(': ' || h.reason, ''), 2000), h.approved_by, h.decided_at,
				           h.id
				    FROM picked p CROSS JOIN hunts h WHERE h.id = :hunt
				    RETURNING id, agent_id)
				UPDATE hunt_targets t SET task_id = c.id, started_at = now()
				FROM created c WHERE t.hunt_id = :hunt AND t.agent_id = c.agent_id""")
			.param("hunt", huntId)
			.param("n", n)
			.param("maxAttempts", maxAttempts)
			.param("timeout", limits.timeoutMillis())
			.param("cpu", limits.cpuMillis())
			.param("maxBytes", limits.maxBytes())
			.param("expiryMs", maxTaskExpiry.toMillis())
			.update();
	}

	/** Targets not finished: not started, or their task still awaiting approval, queued or leased. */
	long unfinished(UUID huntId) {
		return jdbc.sql("""
				SELECT count(*) FROM hunt_targets t LEFT JOIN tasks k ON k.id = t.task_id
				WHERE t.hunt_id = :id
				  AND (t.started_at IS NULL OR k.state IN ('awaiting_approval', 'queued', 'leased'))""")
			.param("id", huntId)
			.query(Long.class)
			.single();
	}

	void markDone(UUID huntId) {
		jdbc.sql("UPDATE hunts SET state = 'done', updated_at = now() WHERE id = :id AND state = 'running'")
			.param("id", huntId)
			.update();
	}

	/** An agent the targeting query found, with the database's clock. */
	record Candidate(UUID id, String os, Map<String, String> labels, Instant lastSeenAt, Instant now) {
	}

}
