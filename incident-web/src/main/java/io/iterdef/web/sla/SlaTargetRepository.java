package io.iterdef.web.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.iterdef.web.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** sla_targets: one row per severity; changes are audited. New incidents copy them (V3 trigger). */
@Repository
public class SlaTargetRepository {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SlaTargetRepository(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Lowest severity first. */
	public List<SlaTarget> findAll() {
		return jdbc.sql("""
				SELECT severity, ack_seconds, resolve_seconds, updated_by, updated_at FROM sla_targets
				 ORDER BY array_position(ARRAY['low', 'medium', 'high', 'critical'], severity)""")
			.query((rs, n) -> new SlaTarget(rs.getString("severity"), rs.getInt("ack_seconds"),
					rs.getInt("resolve_seconds"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** Writes the targets that changed, each with an audit row; returns the severities changed. */
	@Transactional
	public List<String> update(Map<String, int[]> targets, String actor) {
		Map<String, SlaTarget> before = new LinkedHashMap<>();
		for (SlaTarget t : jdbc.sql("SELECT severity, ack_seconds, resolve_seconds, updated_by, updated_at FROM sla_targets FOR UPDATE")
			.query((rs, n) -> new SlaTarget(rs.getString("severity"), rs.getInt("ack_seconds"),
					rs.getInt("resolve_seconds"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
			.list()) {
			before.put(t.severity(), t);
		}
		List<String> changed = new ArrayList<>();
		targets.forEach((severity, values) -> {
			SlaTarget old = before.get(severity);
			if (old == null || (old.ackSeconds() == values[0] && old.resolveSeconds() == values[1])) {
				return;
			}
			jdbc.sql("UPDATE sla_targets SET ack_seconds = ?, resolve_seconds = ?, updated_by = ?, updated_at = now() "
					+ "WHERE severity = ?").params(values[0], values[1], actor, severity).update();
			audit.append(actor, null, "sla_target.update",
					Map.of("severity", severity, "ack_seconds", old.ackSeconds(), "resolve_seconds", old.resolveSeconds()),
					Map.of("severity", severity, "ack_seconds", values[0], "resolve_seconds", values[1]));
			changed.add(severity);
		});
		return changed;
	}

}
