package io.iterdef.web.incident;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentQueryTest {

	private static IncidentFilter filter(String status, String severity, String assignee, String rule, String host,
			String age, String sla, String sort, String dir) {
		return new IncidentFilter(status, severity, assignee, null, rule, host, age, sla, sort, dir);
	}

	@Test
	void shouldHaveNoConditionsAndSortNewestFirstWhenFilterIsEmpty() {
		IncidentQuery q = IncidentQuery.of(IncidentFilter.none(), "ann");

		assertThat(q.where()).isEmpty();
		assertThat(q.params()).isEmpty();
		assertThat(q.orderBy()).isEqualTo(" ORDER BY i.created_at DESC NULLS LAST, i.id DESC");
	}

	@Test
	void shouldBindEveryUserValueAsParameterWhenFilterIsFull() {
		IncidentFilter f = filter("acknowledged", "HIGH", "bob", "rule'; DROP TABLE incidents;--", "ws_07%", "24h",
				"breached", "severity", "asc");

		IncidentQuery q = IncidentQuery.of(f, "ann");

		assertThat(q.where()).doesNotContain("DROP", "bob", "ws_07", "acknowledged", "breached")
			.contains("i.status = ?", "i.severity = ?", "i.assignee = ?", "i.rule_id = ?", "i.host_name ILIKE ?",
					"interval '24 hours'", "s.sla_state = ?");
		assertThat(q.params()).containsExactly("acknowledged", "high", "bob", "rule'; DROP TABLE incidents;--",
				"%rule'; DROP TABLE incidents;--%", "%ws\\_07\\%%", "breached");
		assertThat(q.orderBy()).startsWith(" ORDER BY CASE i.severity").endsWith("ASC NULLS LAST, i.id ASC");
	}

	@Test
	void shouldMapOpenMeUnassignedAndPausedToFixedConditions() {
		assertThat(IncidentQuery.of(filter("open", null, "me", null, null, null, "paused", null, null), "ann"))
			.satisfies(q -> {
				assertThat(q.where()).contains("i.status <> 'resolved'", "i.assignee = ?", "s.paused");
				assertThat(q.params()).containsExactly("ann");
			});
		assertThat(IncidentQuery.of(filter(null, null, "unassigned", null, null, "older", null, null, null), "ann")
			.where()).contains("i.assignee IS NULL", "i.created_at < now() - interval '7 days'");
	}

	@Test
	void shouldIgnoreAndReportUnknownValuesWhenTheyAreNotInTheWhitelist() {
		IncidentFilter f = filter("closed; --", "urgent", null, null, null, "1y", "red", "id; DROP", "sideways");

		IncidentQuery q = IncidentQuery.of(f, "ann");

		assertThat(q.where()).isEmpty();
		assertThat(q.params()).isEmpty();
		assertThat(q.orderBy()).isEqualTo(" ORDER BY i.created_at DESC NULLS LAST, i.id DESC");
		assertThat(f.problems()).hasSize(6).anySatisfy(p -> assertThat(p).startsWith("Unknown status 'closed; --'"));
	}

	@Test
	void shouldKeepFiltersInQueryStringWhenBuildingPageLinks() {
		IncidentFilter f = filter("open", null, "me", "a&b=c", null, null, null, "sla", null);

		assertThat(IncidentController.query(f)).isEqualTo("status=open&assignee=me&rule=a%26b%3Dc&sort=sla");
	}

}
