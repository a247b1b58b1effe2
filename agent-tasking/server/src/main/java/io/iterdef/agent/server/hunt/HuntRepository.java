package io.iterdef.agent.server.hunt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hunts table and the view hunt_host_status: creation, reading and the admin API's state changes. */
@Repository
class HuntRepository {

	static final List<String> STATUSES = List.of("pending", "running", "done", "failed", "offline");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
	};

	static final String COLUMNS = """
			id, name, type, params::text AS params, target_labels::text AS target_labels, target_os,
			target_seen_within_seconds, rate_per_minute, client_limit, state, requested_by, reason, approved_by,
			decided_at, decision_note, created_at, updated_at, expires_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	HuntRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, HuntRequest r, TargetCriteria target, String paramsJson, String state, String requestedBy) {
		jdbc.sql("""
				INSERT INTO hunts (id, name, type, params, target_labels, target_os, target_seen_within_seconds,
				                   rate_per_minute, client_limit, state, requested_by, reason, expires_at)
				VALUES (:id, :name, :type, :params::jsonb, :labels::jsonb, :os, :seen, :rate, :clientLimit, :state,
				        :requestedBy, :reason, now() + CAST(:expiresS AS double precision) * interval '1 second')""")
			.param("id", id)
			.param("name", r.name())
			.param("type", r.type())
			.param("params", paramsJson)
			.param("labels", json.writeValueAsString(target.labels()))
			.param("os", target.os())
			.param("seen", target.seenWithinSeconds())
			.param("rate", r.ratePerMinute())
			.param("clientLimit", r.clientLimit())
			.param("state", state)
			.param("requestedBy", requestedBy)
			.param("reason", r.reason())
			.param("expiresS", r.expiresInSeconds())
			.update();
	}

	Optional<Hunt> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM hunts WHERE id = :id").param("id", id).query(this::hunt).optional();
	}

	/** How many of the hunt's agents are in each status (every status present, zero when none). */
	Map<String, Long> counts(UUID huntId) {
		Map<String, Long> counts = new LinkedHashMap<>();
		STATUSES.forEach(s -> counts.put(s, 0L));
		jdbc.sql("SELECT status, count(*) AS n FROM hunt_host_status WHERE hunt_id = :id GROUP BY status")
			.param("id", huntId)
			.query((rs, n) -> Map.entry(rs.getString("status"), rs.getLong("n")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/** The hunt's agents with their status, by host name, at most {@code limit}. */
	List<HostStatus> hosts(UUID huntId, int limit) {
		return jdbc.sql("""
				SELECT agent_id, hostname, status, task_id, task_state, chosen_at, started_at, finished_at, error
				FROM hunt_host_status WHERE hunt_id = :id ORDER BY hostname, agent_id LIMIT :limit""")
			.param("id", huntId)
			.param("limit", limit)
			.query((rs, n) -> new HostStatus(rs.getObject("agent_id", UUID.class), rs.getString("hostname"),
					rs.getString("status"), rs.getObject("task_id", UUID.class), rs.getString("task_state"),
					instant(rs, "chosen_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
					rs.getString("error")))
			.list();
	}

	/** Moves a hunt from one of {@code from} to {@code to}; false when it is in none of them. */
	boolean transition(UUID id, Collection<String> from, String to) {
		return jdbc.sql("UPDATE hunts SET state = :to, updated_at = now() WHERE id = :id AND state IN (:from)")
			.param("id", id)
			.param("from", from)
			.param("to", to)
			.update() > 0;
	}

	/**
	 * Approves (to running) or denies a hunt awaiting approval, by someone other than its requester; false when it
	 * is not awaiting approval (any more) or the decider asked for it (the database's CHECK backs this).
	 */
	boolean decide(UUID id, String to, String decider, String note) {
		return jdbc.sql("""
				UPDATE hunts SET state = :to, approved_by = :decider, decided_at = now(), decision_note = :note,
				                 updated_at = now()
				WHERE id = :id AND state = 'awaiting_approval' AND requested_by <> :decider""")
			.param("id", id)
			.param("to", to)
			.param("decider", decider)
			.param("note", note)
			.update() > 0;
	}

	/** Cancels the hunt's tasks no agent has taken yet; returns how many. */
	int cancelWaitingTasks(UUID huntId) {
		return jdbc.sql("""
				UPDATE tasks SET state = 'cancelled', finished_at = now(), error = 'the hunt was cancelled'
				WHERE hunt_id = :id AND state IN ('queued', 'awaiting_approval')""")
			.param("id", huntId)
			.update();
	}

	Hunt hunt(ResultSet rs, int row) throws SQLException {
		long seen = rs.getLong("target_seen_within_seconds");
		Long seenWithin = rs.wasNull() ? null : seen;
		return new Hunt(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("type"),
				json.readValue(rs.getString("params"), MAP), json.readValue(rs.getString("target_labels"), LABELS),
				rs.getString("target_os"), seenWithin, rs.getInt("rate_per_minute"), rs.getInt("client_limit"),
				rs.getString("state"), rs.getString("requested_by"), rs.getString("reason"),
				rs.getString("approved_by"), instant(rs, "decided_at"), rs.getString("decision_note"),
				instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "expires_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
