package io.iterdef.web.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The metrics against the real PostgreSQL: incidents of a random rule inserted at known times (relative to
 * now), the service's numbers and the rendered page checked for that rule.
 */
class MetricsIT extends StackSupport {

	@Autowired
	private MetricsService metrics;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mockMvc;

	private final String ruleId = "it-metrics-" + UUID.randomUUID();

	private final String team = "it-team-" + UUID.randomUUID().toString().substring(0, 8);

	private int groups;

	@BeforeEach
	void insertIncidents() {
		jdbc.sql("INSERT INTO teams (name) VALUES (?)").param(team).update();
		// five high incidents two hours ago, acknowledged after 60..600 s, resolved after 600..6000 s
		int[] ack = { 60, 120, 180, 240, 600 };
		for (int i = 0; i < ack.length; i++) {
			insert("high", "resolved", 7200, (double) ack[i], ack[i] * 10.0, i < 3 ? team : null, 3600, 86400);
		}
		// three critical ones ten minutes ago with tiny targets: two never acknowledged, one after 30 s
		insert("critical", "new", 600, null, null, null, 60, 120);
		insert("critical", "new", 600, null, null, null, 60, 120);
		insert("critical", "acknowledged", 600, 30.0, null, null, 60, 120);
		// open ones of other ages: medium 2 h (acknowledge target 1 h: breached), low 3 days
		insert("medium", "new", 7200, null, null, null, 3600, 86400);
		insert("low", "new", 3 * 86400, null, null, null, 7 * 86400, 7 * 86400);
		// ten days old: one resolved, one still open (outside the 7 days, inside the 30)
		insert("high", "resolved", 10 * 86400, 10000.0, 20000.0, null, 3600, 86400);
		insert("high", "new", 10 * 86400, null, null, null, 3600, 86400);
	}

	private void insert(String severity, String status, int createdSecondsAgo, Double ackAfter, Double resolveAfter,
			String team, int slaAck, int slaResolve) {
		String group = "host-" + (++groups);
		jdbc.sql("""
				INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, status, created_at,
				                       updated_at, first_seen, last_seen, alert_count, acknowledged_at, resolved_at,
				                       resolution, team, sla_ack_seconds, sla_resolve_seconds)
				SELECT 'Metrics test on ' || :group, :rule, 'Metrics test rule', :severity, :group, :group, :status,
				       t.c, t.c, t.c, t.c, 1,
				       t.c + make_interval(secs => CAST(:ack AS double precision)),
				       t.c + make_interval(secs => CAST(:resolve AS double precision)),
				       CASE WHEN :status = 'resolved' THEN 'true_positive' END, :team, :slaAck, :slaResolve
				  FROM (SELECT now() - make_interval(secs => :ago) AS c) t""")
			.param("group", group)
			.param("rule", ruleId)
			.param("severity", severity)
			.param("status", status)
			.param("ack", ackAfter)
			.param("resolve", resolveAfter)
			.param("team", team)
			.param("slaAck", slaAck)
			.param("slaResolve", slaResolve)
			.param("ago", createdSecondsAgo)
			.update();
	}

	private Metrics compute(String preset) {
		return metrics.compute(MetricsPeriod.parse(preset, null, null, Instant.now()), ruleId);
	}

	private static TimeStats row(List<TimeStats> rows, String key) {
		return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
	}

	@Test
	void shouldComputeMedianAndP90BySeverityTeamAndRuleWhenIncidentsAreAtKnownTimes() {
		Metrics m = compute("7d");

		TimeStats high = row(m.bySeverity(), "high");
		assertThat(high.incidents()).isEqualTo(5);
		assertThat(high.mttaMedian()).isEqualTo(180.0);
		assertThat(high.mttaP90()).isEqualTo(456.0);
		assertThat(high.mttrMedian()).isEqualTo(1800.0);
		assertThat(high.mttrP90()).isEqualTo(4560.0);
		assertThat(m.bySeverity()).extracting(TimeStats::key).containsExactly("critical", "high", "medium", "low");
		TimeStats critical = row(m.bySeverity(), "critical");
		assertThat(critical.incidents()).isEqualTo(3);
		assertThat(critical.acknowledged()).isEqualTo(1);
		assertThat(critical.mttaMedian()).isEqualTo(30.0);
		assertThat(critical.mttrMedian()).as("none resolved").isNull();

		assertThat(row(m.byTeam(), team).mttaMedian()).isEqualTo(120.0);
		assertThat(row(m.byTeam(), team).mttaP90()).isEqualTo(168.0);
		TimeStats unassigned = row(m.byTeam(), "unassigned");
		assertThat(unassigned.incidents()).isEqualTo(7);
		assertThat(unassigned.mttaMedian()).isEqualTo(240.0);
		assertThat(unassigned.mttaP90()).isEqualTo(528.0);
		assertThat(m.byTeam()).extracting(TimeStats::key).containsExactly(team, "unassigned");

		assertThat(m.byRule()).singleElement().satisfies(rule -> {
			assertThat(rule.key()).isEqualTo(ruleId);
			assertThat(rule.label()).isEqualTo("Metrics test rule");
			assertThat(rule.incidents()).isEqualTo(10);
		});
		assertThat(m.overall().incidents()).isEqualTo(10);
		assertThat(m.overall().mttaMedian()).isEqualTo(150.0);
		assertThat(m.overall().mttaP90()).isEqualTo(420.0);
	}

	@Test
	void shouldCountOnlyTheIncidentsCreatedInThePeriod() {
		assertThat(compute("24h").overall().incidents()).isEqualTo(9);
		assertThat(compute("30d").overall().incidents()).isEqualTo(12);
		assertThat(row(compute("30d").bySeverity(), "high").mttaMedian()).as("60..600 and 10000").isEqualTo(210.0);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Metrics days = metrics.compute(MetricsPeriod.parse("custom", today.minusDays(1).toString(), today.toString(),
				Instant.now()), ruleId);
		assertThat(days.overall().incidents()).isEqualTo(9);
	}

	@Test
	void shouldCountSlaBreachesBySeverityAndPhaseWhenTargetsArePassed() {
		Metrics m = compute("7d");

		assertThat(m.breaches()).extracting(Metrics.Breaches::severity)
			.containsExactly("critical", "high", "medium", "low");
		assertThat(m.breaches().get(0)).isEqualTo(new Metrics.Breaches("critical", 3, 2, 3, 3));
		assertThat(m.breaches().get(1)).isEqualTo(new Metrics.Breaches("high", 5, 0, 0, 0));
		assertThat(m.breaches().get(2)).isEqualTo(new Metrics.Breaches("medium", 1, 1, 0, 1));
		assertThat(m.breaches().get(3)).isEqualTo(new Metrics.Breaches("low", 1, 0, 0, 0));
		assertThat(m.breachTotal()).isEqualTo(4);
	}

	@Test
	void shouldBucketOpenIncidentsByAgeAndSeverity() {
		Metrics m = compute("7d");

		// columns: critical, high, medium, low
		assertThat(m.openByAge()).extracting(Metrics.OpenByAge::bucket)
			.containsExactly("< 1 h", "1–4 h", "4–24 h", "1–7 d", "> 7 d");
		assertThat(m.openByAge().get(0).counts()).containsExactly(3L, 0L, 0L, 0L);
		assertThat(m.openByAge().get(1).counts()).containsExactly(0L, 0L, 1L, 0L);
		assertThat(m.openByAge().get(2).counts()).containsExactly(0L, 0L, 0L, 0L);
		assertThat(m.openByAge().get(3).counts()).containsExactly(0L, 0L, 0L, 1L);
		assertThat(m.openByAge().get(4).counts()).containsExactly(0L, 1L, 0L, 0L);
		assertThat(m.openTotal()).isEqualTo(6);
	}

	@Test
	void shouldShowTheKnownValuesOnThePageWhenFilteredByTheRule() throws Exception {
		String html = mockMvc.perform(get("/metrics").param("period", "7d").param("rule", ruleId)
				.with(user("metrics-viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String high = tableRow(html, "by-severity", "high");
		assertThat(high).contains("<td class=\"num incidents\">5</td>")
			.contains("<td class=\"num mtta-median\" data-seconds=\"180.0\">3 min</td>")
			.contains("<td class=\"num mtta-p90\" data-seconds=\"456.0\">7 min 36 s</td>")
			.contains("<td class=\"num mttr-median\" data-seconds=\"1800.0\">30 min</td>")
			.contains("<td class=\"num mttr-p90\" data-seconds=\"4560.0\">1 h 16 min</td>");
		assertThat(tableRow(html, "by-team", team)).contains(">2 min</td>").contains(">2 min 48 s</td>");
		assertThat(tableRow(html, "sla-breaches", "critical")).contains("<td class=\"num ack-breached\">2</td>")
			.contains("<td class=\"num resolve-breached\">3</td>");
		assertThat(tableRow(html, "open-by-age", "&lt; 1 h")).contains("<td class=\"num open-critical\">3</td>");
		assertThat(html).contains("<strong id=\"overall-mtta-median\">2 min 30 s</strong>")
			.contains("<strong id=\"overall-incidents\">10</strong>")
			.contains("id=\"chart-by-severity\"");
	}

	@Test
	void shouldServeTheChartLibraryFromTheApplication() throws Exception {
		mockMvc.perform(get("/webjars/echarts/dist/echarts.min.js").with(user("metrics-viewer").roles("ANALYST")))
			.andExpect(status().isOk());
	}

	/** The row with data-key {@code key} of the table with id {@code tableId}. */
	static String tableRow(String html, String tableId, String key) {
		int table = html.indexOf("id=\"" + tableId + "\"");
		assertThat(table).as("table " + tableId).isNotNegative();
		int start = html.indexOf("<tr data-key=\"" + key + "\">", table);
		assertThat(start).as("row " + key + " of " + tableId).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}

}
