package io.iterdef.agent.server.rules;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rule_task_requests table, and the lock that serialises one rule's requests for one host. */
@Repository
class RuleRequestRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleRequestRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Holds a transaction-scoped advisory lock on (rule, host) until the transaction ends: two server instances
	 * counting and inserting for the same rule and host take turns, so the rate limit holds across instances.
	 */
	void lock(String ruleId, String host) {
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS l")
			.param("key", "rule-task:" + ruleId + "\n" + host)
			.query(Integer.class)
			.single();
	}

	/** The outcome recorded for a request id, if any. */
	Optional<String> outcome(String requestId) {
		return jdbc.sql("SELECT outcome FROM rule_task_requests WHERE request_id = :id")
			.param("id", requestId)
			.query(String.class)
			.optional();
	}

	/** The rule's queued and dry-run requests for the host received within the window. */
	long recent(String ruleId, String host, Duration window) {
		return jdbc.sql("""
				SELECT count(*) FROM rule_task_requests
				WHERE rule_id = :rule AND host = :host AND outcome IN ('queued', 'dry_run')
				  AND received_at > now() - CAST(:windowMs AS double precision) * interval '1 millisecond'""")
			.param("rule", ruleId)
			.param("host", host)
			.param("windowMs", window.toMillis())
			.query(Long.class)
			.single();
	}

	/** Records a request once; false when its id was recorded before. */
	boolean insert(RuleTaskRequest request, String outcome, UUID taskId, String detail) {
		return jdbc.sql("""
				INSERT INTO rule_task_requests (request_id, rule_id, rule_name, alert_id, host, type, params, outcome,
				                                task_id, detail)
				VALUES (:id, :rule, :ruleName, :alert, :host, :type, :params::jsonb, :outcome, :task, :detail)
				ON CONFLICT (request_id) DO NOTHING""")
			.param("id", request.requestId())
			.param("rule", request.ruleIdOrUnknown())
			.param("ruleName", request.ruleName())
			.param("alert", request.alertId())
			.param("host", request.hostOrUnknown())
			.param("type", request.typeOrUnknown())
			.param("params", json.writeValueAsString(request.params() == null ? Map.of() : request.params()))
			.param("outcome", outcome)
			.param("task", taskId, java.sql.Types.OTHER)
			.param("detail", detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail)
			.update() > 0;
	}

}
