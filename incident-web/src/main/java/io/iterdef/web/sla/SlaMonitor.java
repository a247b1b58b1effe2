package io.iterdef.web.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.web.audit.AuditLog;
import io.iterdef.web.escalation.PolicyRepository;
import io.iterdef.web.escalation.Target;
import io.iterdef.web.notify.IncidentSummary;
import io.iterdef.web.notify.Notifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records each SLA crossing once: for every open incident, the acknowledge phase (until acknowledged) and the
 * resolve phase at 75 % (warning) and 100 % (breached) of their targets, as computed by the incident_sla view
 * (pauses excluded). incident_sla_events' primary key makes a crossing recorded once even with several
 * instances; the transaction that records it also writes the audit row ('sla.warning' / 'sla.breach' by
 * 'system') and the notifications: to level 1 of the incident's escalation policy version, or, for incidents
 * without a policy, to iterdef.sla.notify (ITERDEF_SLA_NOTIFY). Called by the escalation poll, in a transaction.
 */
@Component
public class SlaMonitor {

	private record Open(IncidentSummary incident, boolean unacknowledged, Double ackRatio, Double resolveRatio,
			Integer ackSeconds, Integer resolveSeconds, Long policyId, Integer version) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Notifier notifier;

	private final PolicyRepository policies;

	private final List<Target> defaultTargets;

	SlaMonitor(JdbcClient jdbc, AuditLog audit, Notifier notifier, PolicyRepository policies,
			@Value("${iterdef.sla.notify:}") String defaultTargets) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notifier = notifier;
		this.policies = policies;
		this.defaultTargets = Notifier.parseList(defaultTargets);
	}

	/** Returns how many crossings it recorded. */
	public int recordCrossings() {
		int recorded = 0;
		for (Open o : openCrossings()) {
			if (o.unacknowledged()) {
				recorded += record(o, "ack", o.ackRatio(), o.ackSeconds());
			}
			recorded += record(o, "resolve", o.resolveRatio(), o.resolveSeconds());
		}
		return recorded;
	}

	private int record(Open o, String phase, Double ratio, Integer targetSeconds) {
		if (ratio == null) {
			return 0;
		}
		List<String> reached = new ArrayList<>();
		if (ratio >= 0.75) {
			reached.add("warning");
		}
		if (ratio >= 1.0) {
			reached.add("breached");
		}
		String highestNew = null;
		for (String level : reached) {
			boolean inserted = jdbc.sql("INSERT INTO incident_sla_events (incident_id, phase, level) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING").params(o.incident().id(), phase, level).update() == 1;
			if (inserted) {
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("phase", phase);
				after.put("level", level);
				after.put("ratio", Math.round(ratio * 1000) / 1000.0);
				after.put("target_seconds", targetSeconds);
				audit.append(AuditLog.SYSTEM, o.incident().id(), "warning".equals(level) ? "sla.warning" : "sla.breach",
						null, after);
				highestNew = level;
			}
		}
		if (highestNew != null) {
			String kind = "warning".equals(highestNew) ? "sla_warning" : "sla_breach";
			String what = "ack".equals(phase) ? "time to acknowledge" : "time to resolve";
			String reason = ("warning".equals(highestNew) ? "75 % of the " : "the whole ") + what + " ("
					+ Durations.format(targetSeconds) + ") has passed";
			notifier.notify(o.incident(), kind, null, null, "sla:" + o.incident().id() + ":" + phase + ":" + highestNew,
					targets(o), reason);
		}
		return reached.isEmpty() ? 0 : (highestNew == null ? 0 : 1);
	}

	private List<Target> targets(Open o) {
		if (o.policyId() != null && o.version() != null) {
			return policies.version(o.policyId(), o.version())
				.map(v -> v.levels().get(0).targets())
				.orElse(defaultTargets);
		}
		return defaultTargets;
	}

	private List<Open> openCrossings() {
		return jdbc.sql("""
				SELECT s.incident_id, s.ack_ratio::float8 AS ack_ratio, s.resolve_ratio::float8 AS resolve_ratio,
				       s.sla_ack_seconds, s.sla_resolve_seconds,
				       (i.status = 'new' AND i.acknowledged_at IS NULL) AS unacknowledged,
				       i.title, i.severity, i.status, i.rule_id, i.host_name, e.policy_id, e.version
				  FROM incident_sla s
				  JOIN incidents i ON i.id = s.incident_id
				  LEFT JOIN incident_escalations e ON e.incident_id = i.id
				 WHERE i.status <> 'resolved' AND i.merged_into IS NULL
				   AND ((i.status = 'new' AND i.acknowledged_at IS NULL
				         AND ((s.ack_ratio >= 0.75 AND NOT EXISTS (SELECT 1 FROM incident_sla_events v
				                   WHERE v.incident_id = i.id AND v.phase = 'ack' AND v.level = 'warning'))
				           OR (s.ack_ratio >= 1 AND NOT EXISTS (SELECT 1 FROM incident_sla_events v
				                   WHERE v.incident_id = i.id AND v.phase = 'ack' AND v.level = 'breached'))))
				     OR (s.resolve_ratio >= 0.75 AND NOT EXISTS (SELECT 1 FROM incident_sla_events v
				                   WHERE v.incident_id = i.id AND v.phase = 'resolve' AND v.level = 'warning'))
				     OR (s.resolve_ratio >= 1 AND NOT EXISTS (SELECT 1 FROM incident_sla_events v
				                   WHERE v.incident_id = i.id AND v.phase = 'resolve' AND v.level = 'breached')))
				 ORDER BY s.incident_id LIMIT 200""")
			.query((rs, n) -> new Open(
					new IncidentSummary(rs.getLong("incident_id"), rs.getString("title"), rs.getString("severity"),
							rs.getString("status"), rs.getString("rule_id"), rs.getString("host_name")),
					rs.getBoolean("unacknowledged"), rs.getObject("ack_ratio", Double.class),
					rs.getObject("resolve_ratio", Double.class), rs.getObject("sla_ack_seconds", Integer.class),
					rs.getObject("sla_resolve_seconds", Integer.class), rs.getObject("policy_id", Long.class),
					rs.getObject("version", Integer.class)))
			.list();
	}

}
