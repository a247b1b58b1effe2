package io.iterdef.web.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.web.agents.AgentRows.AgentRow;
import io.iterdef.web.agents.AgentRows.TaskDetail;
import io.iterdef.web.agents.AgentRows.TaskRow;
import io.iterdef.web.model.Paged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of agents and tasks (parameterized, paged); the agent server writes these tables. */
@Repository
public class AgentQueries {

	static final String TASK_COLUMNS = """
			k.id, k.agent_id, a.hostname, k.type, k.state, k.requested_by, k.source, k.reason, k.approved_by, k.rule_id,
			k.alert_id, k.incident_id, k.hunt_id, k.attempts, k.max_attempts, k.created_at, k.finished_at""";

	private static final String AGENT_COLUMNS = """
			id, hostname, os, coalesce(facts->>'agentVersion', '') AS version, labels::text AS labels, facts::text AS facts,
			enrolled_at, last_seen_at, revoked_at""";

	private static final String AGENT_FILTER = """
			WHERE (CAST(:q AS text) IS NULL OR hostname LIKE '%' || lower(:q) || '%' OR labels::text ILIKE '%' || :q || '%'
			       OR os = lower(:q))""";

	private static final String TASK_FILTER = """
			WHERE (CAST(:state AS text) IS NULL OR k.state = :state) AND (CAST(:type AS text) IS NULL OR k.type = :type)
			  AND (CAST(:host AS text) IS NULL OR a.hostname = lower(:host))
			  AND (CAST(:source AS text) IS NULL OR k.source = :source)
			  AND (CAST(:hunt AS uuid) IS NULL OR k.hunt_id = :hunt) AND (CAST(:agent AS uuid) IS NULL OR k.agent_id = :agent)
			  AND (CAST(:incident AS bigint) IS NULL OR k.incident_id = :incident)""";

	private final JdbcClient jdbc;

	AgentQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Paged<AgentRow> agents(String query, Paged.PageRequest page) {
		String q = query == null || query.isBlank() ? null : query.strip();
		long total = jdbc.sql("SELECT count(*) FROM agents " + AGENT_FILTER).param("q", q).query(Long.class).single();
		List<AgentRow> rows = jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM agents " + AGENT_FILTER
				+ " ORDER BY revoked_at IS NOT NULL, hostname, enrolled_at DESC LIMIT :limit OFFSET :offset")
			.param("q", q)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AgentQueries::agent)
			.list();
		return Paged.of(rows, page, total);
	}

	public Optional<AgentRow> agent(UUID id) {
		return jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM agents WHERE id = :id").param("id", id)
			.query(AgentQueries::agent)
			.optional();
	}

	/** The unrevoked agent of a host name (one at most: the schema allows one active agent per name). */
	public Optional<AgentRow> activeAgent(String hostname) {
		return jdbc.sql("SELECT " + AGENT_COLUMNS + " FROM agents WHERE hostname = lower(:host) AND revoked_at IS NULL")
			.param("host", hostname)
			.query(AgentQueries::agent)
			.optional();
	}

	public Paged<TaskRow> tasks(TaskFilter filter, Paged.PageRequest page) {
		String from = " FROM tasks k JOIN agents a ON a.id = k.agent_id " + TASK_FILTER;
		long total = bind(jdbc.sql("SELECT count(*)" + from), filter).query(Long.class).single();
		List<TaskRow> rows = bind(jdbc.sql("SELECT " + TASK_COLUMNS + from
				+ " ORDER BY k.created_at DESC, k.id LIMIT :limit OFFSET :offset"), filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AgentQueries::task)
			.list();
		return Paged.of(rows, page, total);
	}

	public Optional<TaskDetail> task(UUID id) {
		return jdbc.sql("SELECT " + TASK_COLUMNS + """
				, k.params::text AS params, coalesce(jsonb_pretty(k.result), '') AS result, k.error, k.decided_at,
				  k.decision_note, k.expires_at
				FROM tasks k JOIN agents a ON a.id = k.agent_id WHERE k.id = :id""")
			.param("id", id)
			.query((rs, n) -> new TaskDetail(task(rs, n), rs.getString("params"), rs.getString("result"),
					rs.getString("error"), instant(rs, "decided_at"), rs.getString("decision_note"),
					instant(rs, "expires_at")))
			.optional();
	}

	/** Tasks waiting for a second person's approval, oldest first. */
	public List<TaskRow> awaitingApproval(int limit) {
		return jdbc.sql("SELECT " + TASK_COLUMNS + " FROM tasks k JOIN agents a ON a.id = k.agent_id"
				+ " WHERE k.state = 'awaiting_approval' ORDER BY k.created_at, k.id LIMIT :limit")
			.param("limit", limit)
			.query(AgentQueries::task)
			.list();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, TaskFilter f) {
		return spec.param("state", f.state())
			.param("type", f.type())
			.param("host", f.host())
			.param("source", f.source())
			.param("hunt", f.hunt())
			.param("agent", f.agent())
			.param("incident", f.incident());
	}

	static AgentRow agent(ResultSet rs, int n) throws SQLException {
		return new AgentRow(rs.getObject("id", UUID.class), rs.getString("hostname"), rs.getString("os"),
				rs.getString("version"), rs.getString("labels"), rs.getString("facts"), instant(rs, "enrolled_at"),
				instant(rs, "last_seen_at"), instant(rs, "revoked_at"));
	}

	static TaskRow task(ResultSet rs, int n) throws SQLException {
		long incident = rs.getLong("incident_id");
		Long incidentId = rs.wasNull() ? null : incident;
		return new TaskRow(rs.getObject("id", UUID.class), rs.getObject("agent_id", UUID.class), rs.getString("hostname"),
				rs.getString("type"), rs.getString("state"), rs.getString("requested_by"), rs.getString("source"),
				rs.getString("reason"), rs.getString("approved_by"), rs.getString("rule_id"), rs.getString("alert_id"),
				incidentId, rs.getObject("hunt_id", UUID.class), rs.getInt("attempts"), rs.getInt("max_attempts"),
				instant(rs, "created_at"), instant(rs, "finished_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getObject(column, Timestamp.class);
		return t == null ? null : t.toInstant();
	}

}
