package io.iterdef.web.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The metrics queries, plain SQL over incidents and the incident_sla view. Incidents merged into another
 * are left out (their alerts count in the incident they were merged into). The group-by expressions come
 * from {@link Dimension}, never from the request; every value is a bind parameter.
 */
@Repository
class MetricsRepository {

	/** Severities from the most to the least severe: the order of rows, columns and series. */
	static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");

	private static final String SEVERITY_ORDER = "array_position(ARRAY['critical','high','medium','low'], severity)";

	private static final String IN_SCOPE = "merged_into IS NULL AND (CAST(:rule AS text) IS NULL OR rule_id = :rule)";

	private static final String IN_PERIOD = "created_at >= :from AND created_at < :to AND " + IN_SCOPE;

	/** Seconds, rounded to milliseconds (percentile_cont interpolates in double precision). */
	private static final String TIMES = """
			count(*) AS incidents,
			count(acknowledged_at) AS acknowledged,
			round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at)) AS numeric), 3) AS mtta_median,
			round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at)) AS numeric), 3) AS mtta_p90,
			count(resolved_at) AS resolved,
			round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)) AS numeric), 3) AS mttr_median,
			round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)) AS numeric), 3) AS mttr_p90""";

	/** What MTTA and MTTR are grouped by. */
	enum Dimension {

		SEVERITY("severity", "severity", SEVERITY_ORDER),
		RULE("rule_id", "max(rule_name)", "count(*) DESC, 1"),
		TEAM("coalesce(team, 'unassigned')", "coalesce(team, 'unassigned')", "(max(team) IS NULL), 1");

		private final String key;

		private final String label;

		private final String order;

		Dimension(String key, String label, String order) {
			this.key = key;
			this.label = label;
			this.order = order;
		}

	}

	private static final RowMapper<TimeStats> TIME_STATS = (rs, n) -> new TimeStats(rs.getString("key"),
			rs.getString("label"), rs.getLong("incidents"), rs.getLong("acknowledged"), number(rs, "mtta_median"),
			number(rs, "mtta_p90"), rs.getLong("resolved"), number(rs, "mttr_median"), number(rs, "mttr_p90"));

	private final JdbcClient jdbc;

	MetricsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** MTTA and MTTR of all the period's incidents (of the rule, when given). */
	TimeStats overall(Instant from, Instant to, String rule) {
		return jdbc.sql("SELECT 'all' AS key, 'All incidents' AS label, " + TIMES + " FROM incidents WHERE " + IN_PERIOD)
			.params(params(from, to, rule))
			.query(TIME_STATS)
			.single();
	}

	/** MTTA and MTTR of the period's incidents, one row per value of the dimension. */
	List<TimeStats> by(Dimension dimension, Instant from, Instant to, String rule) {
		String sql = "SELECT " + dimension.key + " AS key, " + dimension.label + " AS label, " + TIMES
				+ " FROM incidents WHERE " + IN_PERIOD + " GROUP BY " + dimension.key + " ORDER BY " + dimension.order;
		return jdbc.sql(sql).params(params(from, to, rule)).query(TIME_STATS).list();
	}

	/** SLA breaches (incident_sla, now) among the period's incidents, one row per severity, all four. */
	List<Metrics.Breaches> breaches(Instant from, Instant to, String rule) {
		Map<String, Metrics.Breaches> bySeverity = new LinkedHashMap<>();
		SEVERITIES.forEach(s -> bySeverity.put(s, new Metrics.Breaches(s, 0, 0, 0, 0)));
		jdbc.sql("""
				SELECT i.severity, count(*) AS incidents,
				       count(*) FILTER (WHERE s.ack_state = 'breached') AS ack_breached,
				       count(*) FILTER (WHERE s.resolve_state = 'breached') AS resolve_breached,
				       count(*) FILTER (WHERE s.sla_state = 'breached') AS any_breached
				  FROM incidents i JOIN incident_sla s ON s.incident_id = i.id
				 WHERE i.created_at >= :from AND i.created_at < :to AND i.merged_into IS NULL
				   AND (CAST(:rule AS text) IS NULL OR i.rule_id = :rule)
				 GROUP BY i.severity""")
			.params(params(from, to, rule))
			.query((rs, n) -> new Metrics.Breaches(rs.getString("severity"), rs.getLong("incidents"),
					rs.getLong("ack_breached"), rs.getLong("resolve_breached"), rs.getLong("any_breached")))
			.list()
			.forEach(b -> bySeverity.put(b.severity(), b));
		return List.copyOf(bySeverity.values());
	}

	/** Open incidents (not resolved) now, by age bucket and severity: every bucket, counts in SEVERITIES order. */
	List<Metrics.OpenByAge> openByAge(String rule) {
		long[][] counts = new long[AgeBucket.values().length][SEVERITIES.size()];
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("rule", rule);
		jdbc.sql("""
				SELECT CASE WHEN age < interval '1 hour' THEN 0
				            WHEN age < interval '4 hours' THEN 1
				            WHEN age < interval '24 hours' THEN 2
				            WHEN age < interval '7 days' THEN 3
				            ELSE 4 END AS bucket,
				       severity, count(*) AS open
				  FROM (SELECT now() - created_at AS age, severity FROM incidents
				         WHERE status <> 'resolved' AND %s) o
				 GROUP BY 1, 2""".formatted(IN_SCOPE))
			.params(params)
			.query((RowCallbackHandler) rs -> {
				int severity = SEVERITIES.indexOf(rs.getString("severity"));
				if (severity >= 0) {
					counts[rs.getInt("bucket")][severity] += rs.getLong("open");
				}
			});
		List<Metrics.OpenByAge> rows = new ArrayList<>();
		for (AgeBucket bucket : AgeBucket.values()) {
			List<Long> row = new ArrayList<>();
			long total = 0;
			for (long c : counts[bucket.ordinal()]) {
				row.add(c);
				total += c;
			}
			rows.add(new Metrics.OpenByAge(bucket.label(), List.copyOf(row), total));
		}
		return rows;
	}

	private static Map<String, Object> params(Instant from, Instant to, String rule) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", utc(from));
		params.put("to", utc(to));
		params.put("rule", rule);
		return params;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
