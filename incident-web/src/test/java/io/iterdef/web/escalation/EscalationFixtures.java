package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.iterdef.web.incident.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Policies and incidents for the escalation ITs, isolated by a random rule id per test. */
final class EscalationFixtures {

	private final JdbcClient jdbc;

	private final PolicyRepository policies;

	EscalationFixtures(JdbcClient jdbc, PolicyRepository policies) {
		this.jdbc = jdbc;
		this.policies = policies;
	}

	static String randomRule() {
		return "it-esc-" + UUID.randomUUID();
	}

	static Level level(long delaySeconds, Target... targets) {
		return new Level(delaySeconds, List.of(targets));
	}

	static Target email(String address) {
		return new Target(Target.Type.EMAIL, address);
	}

	static Target webhook(String url) {
		return new Target(Target.Type.WEBHOOK, url);
	}

	static PolicyValidator.Draft draft(String rule, int repeat, Level... levels) {
		return new PolicyValidator.Draft("it " + rule, 10, EnumSet.of(Severity.HIGH, Severity.CRITICAL), rule,
				new ArrayList<>(List.of(levels)), repeat);
	}

	/** A policy that applies only to incidents of this rule. */
	long policy(String rule, int repeat, Level... levels) {
		return policies.create(draft(rule, repeat, levels), "it-lead");
	}

	/** A new high-severity incident of the rule (group key distinguishes several of one rule). */
	long incident(String rule, String groupKey) {
		return jdbc.sql("""
				INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, first_seen, last_seen)
				VALUES (?, ?, 'IT escalation rule', 'high', ?, ?, now(), now()) RETURNING id""")
			.params("Escalation IT on " + groupKey, rule, groupKey, groupKey)
			.query(Long.class)
			.single();
	}

	/** A new high-severity incident with its own (tiny) SLA targets. */
	long incidentWithSla(String rule, int ackSeconds, int resolveSeconds) {
		return jdbc.sql("""
				INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, first_seen, last_seen,
				                       sla_ack_seconds, sla_resolve_seconds)
				VALUES ('SLA IT', ?, 'IT SLA rule', 'high', 'sla-host', 'sla-host', now(), now(), ?, ?) RETURNING id""")
			.params(rule, ackSeconds, resolveSeconds)
			.query(Long.class)
			.single();
	}

	void acknowledge(long incidentId) {
		jdbc.sql("UPDATE incidents SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = 'it-analyst' "
				+ "WHERE id = ?").param(incidentId).update();
	}

	Instant createdAt(long incidentId) {
		return jdbc.sql("SELECT created_at FROM incidents WHERE id = ?")
			.param(incidentId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	long auditCount(long incidentId, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_log WHERE incident_id = ? AND action = ? AND actor = 'system'")
			.params(incidentId, action)
			.query(Long.class)
			.single();
	}

}
