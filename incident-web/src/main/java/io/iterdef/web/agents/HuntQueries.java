package io.iterdef.web.agents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.web.agents.AgentRows.HuntHost;
import io.iterdef.web.agents.AgentRows.HuntRow;
import io.iterdef.web.agents.AgentRows.RuleRequest;
import io.iterdef.web.model.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.iterdef.web.agents.AgentQueries.instant;

/** Reads of hunts, their per-host status and the tasks rules asked for (parameterized, paged). */
@Repository
public class HuntQueries {

	private static final String HUNT_COLUMNS = """
			id, name, type, params::text AS params, target_labels::text AS target_labels, target_os,
			target_seen_within_seconds, rate_per_minute, client_limit, state, requested_by, reason, approved_by, decided_at,
			decision_note, created_at, expires_at""";

	private final JdbcClient jdbc;

	HuntQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Paged<HuntRow> hunts(String state, Paged.PageRequest page) {
		String s = state == null || state.isBlank() ? null : state;
		String where = " FROM hunts WHERE (CAST(:state AS text) IS NULL OR state = :state)";
		long total = jdbc.sql("SELECT count(*)" + where).param("state", s).query(Long.class).single();
		List<HuntRow> rows = jdbc.sql("SELECT " + HUNT_COLUMNS + where + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("state", s)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::huntRow)
			.list();
		return Paged.of(rows, page, total);
	}

	public Optional<HuntRow> hunt(UUID id) {
		return jdbc.sql("SELECT " + HUNT_COLUMNS + " FROM hunts WHERE id = :id").param("id", id).query(this::huntRow).optional();
	}

	public List<HuntRow> awaitingApproval(int limit) {
		return jdbc.sql("SELECT " + HUNT_COLUMNS + " FROM hunts WHERE state = 'awaiting_approval' ORDER BY created_at, id LIMIT :limit")
			.param("limit", limit)
			.query(this::huntRow)
			.list();
	}

	/** Pending, running, done, failed and offline counts of a hunt's hosts (every key present). */
	public Map<String, Long> counts(UUID huntId) {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		for (String status : List.of("pending", "running", "done", "failed", "offline")) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT status, count(*) AS n FROM hunt_host_status WHERE hunt_id = :id GROUP BY status")
			.param("id", huntId)
			.query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n")))
			.list();
		return counts;
	}

	public Paged<HuntHost> hosts(UUID huntId, Paged.PageRequest page) {
		long total = jdbc.sql("SELECT count(*) FROM hunt_host_status WHERE hunt_id = :id").param("id", huntId)
			.query(Long.class)
			.single();
		List<HuntHost> rows = jdbc.sql("""
				SELECT agent_id, hostname, status, task_id, task_state, finished_at, error FROM hunt_host_status
				 WHERE hunt_id = :id ORDER BY hostname, agent_id LIMIT :limit OFFSET :offset""")
			.param("id", huntId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new HuntHost(rs.getObject("agent_id", UUID.class), rs.getString("hostname"),
					rs.getString("status"), rs.getObject("task_id", UUID.class), rs.getString("task_state"),
					instant(rs, "finished_at"), rs.getString("error")))
			.list();
		return Paged.of(rows, page, total);
	}

	public Paged<RuleRequest> ruleRequests(String outcome, String host, Paged.PageRequest page) {
		String o = outcome == null || outcome.isBlank() ? null : outcome;
		String h = host == null || host.isBlank() ? null : host.strip();
		String where = " FROM rule_task_requests WHERE (CAST(:outcome AS text) IS NULL OR outcome = :outcome)"
				+ " AND (CAST(:host AS text) IS NULL OR host = lower(:host))";
		long total = jdbc.sql("SELECT count(*)" + where).param("outcome", o).param("host", h).query(Long.class).single();
		List<RuleRequest> rows = jdbc.sql("SELECT request_id, rule_id, rule_name, alert_id, host, type, params::text AS params,"
				+ " received_at, outcome, task_id, detail" + where + " ORDER BY received_at DESC, request_id LIMIT :limit OFFSET :offset")
			.param("outcome", o)
			.param("host", h)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new RuleRequest(rs.getString("request_id"), rs.getString("rule_id"), rs.getString("rule_name"),
					rs.getString("alert_id"), rs.getString("host"), rs.getString("type"), rs.getString("params"),
					instant(rs, "received_at"), rs.getString("outcome"), rs.getObject("task_id", UUID.class),
					rs.getString("detail")))
			.list();
		return Paged.of(rows, page, total);
	}

	private HuntRow huntRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long seen = rs.getLong("target_seen_within_seconds");
		Long seenWithin = rs.wasNull() ? null : seen;
		return new HuntRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("type"), rs.getString("params"),
				rs.getString("target_labels"), rs.getString("target_os"), seenWithin, rs.getInt("rate_per_minute"),
				rs.getInt("client_limit"), rs.getString("state"), rs.getString("requested_by"), rs.getString("reason"),
				rs.getString("approved_by"), instant(rs, "decided_at"), rs.getString("decision_note"),
				instant(rs, "created_at"), instant(rs, "expires_at"));
	}

}
