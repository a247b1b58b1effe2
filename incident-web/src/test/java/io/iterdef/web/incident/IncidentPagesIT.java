package io.iterdef.web.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.iterdef.web.StackSupport;
import io.iterdef.web.model.Paged;
import io.iterdef.web.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The list filters against the real database, bulk actions and role checks through the web layer. */
class IncidentPagesIT extends StackSupport {

	private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

	@Autowired
	private IncidentService service;

	@Autowired
	private IncidentWorkflow workflow;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mockMvc;

	private IncidentTestData data;

	@Autowired
	void data(IncidentRepository incidents) {
		this.data = new IncidentTestData(jdbc, incidents);
	}

	private List<Long> ids(String status, String severity, String host, String sla, String sort, String dir) {
		IncidentFilter f = new IncidentFilter(status, severity, null, null, data.ruleId, host, null, sla, sort, dir);
		return service.list(f, "nobody", Paged.request(1, 50)).content().stream().map(r -> r.incident().id()).toList();
	}

	private void createdMinutesAgo(long id, int minutes) {
		jdbc.sql("UPDATE incidents SET created_at = now() - make_interval(mins => ?) WHERE id = ?").params(minutes, id)
			.update();
	}

	@Test
	void shouldReturnTheMatchingIncidentsWhenFilteringByStatusSeverityHostAndSlaState() {
		Actor ann = new Actor(data.user("analyst"), Role.ANALYST);
		long fresh = data.incident("fin-ws01", Severity.HIGH, T0);
		long warning = data.incident("fin-ws02", Severity.HIGH, T0);
		long breached = data.incident("dc-01", Severity.HIGH, T0);
		long low = data.incident("fin-ws03", Severity.LOW, T0);
		long resolved = data.incident("fin-ws04", Severity.LOW, T0);
		createdMinutesAgo(warning, 25); // high: 30 min to acknowledge, 25 min is 83 %
		createdMinutesAgo(breached, 45);
		workflow.resolve(resolved, Resolution.TRUE_POSITIVE, null, ann);
		workflow.acknowledge(low, ann);
		workflow.pauseSla(fresh, "waiting on the owner", ann);

		assertThat(ids(null, null, null, null, null, null)).containsExactlyInAnyOrder(fresh, warning, breached, low, resolved);
		assertThat(ids("open", null, null, null, null, null)).containsExactlyInAnyOrder(fresh, warning, breached, low);
		assertThat(ids("resolved", null, null, null, null, null)).containsExactly(resolved);
		assertThat(ids("acknowledged", null, null, null, null, null)).containsExactly(low);
		assertThat(ids(null, "high", null, null, null, null)).containsExactlyInAnyOrder(fresh, warning, breached);
		assertThat(ids(null, null, "FIN-WS", null, null, null)).containsExactlyInAnyOrder(fresh, warning, low, resolved);
		assertThat(ids(null, null, "dc-01", null, null, null)).containsExactly(breached);
		assertThat(ids(null, null, null, "breached", null, null)).containsExactly(breached);
		assertThat(ids(null, null, null, "warning", null, null)).containsExactly(warning);
		assertThat(ids(null, null, null, "paused", null, null)).containsExactly(fresh);
		assertThat(ids("open", "high", null, null, "sla", "desc")).containsExactly(breached, warning, fresh);
		assertThat(ids("open", null, null, null, "severity", "asc").get(0)).isEqualTo(low);
	}

	@Test
	void shouldShowFilteredRowsOnTheListPage() throws Exception {
		long id = data.incident("fin-ws05", Severity.MEDIUM, T0);

		mockMvc.perform(get("/incidents").param("rule", data.ruleId).param("status", "open")
			.with(user("viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-incident-id=\"" + id + "\"")))
			.andExpect(content().string(containsString("<option value=\"open\" selected=\"selected\">open</option>")));
		mockMvc.perform(get("/incidents").param("rule", data.ruleId).param("status", "resolved")
			.with(user("viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-incident-id=\"" + id + "\""))));
	}

	@Test
	void shouldAcknowledgeTheSelectedAndSkipTheResolvedWhenBulkAcknowledging() throws Exception {
		String ann = data.user("analyst");
		long a = data.incident("fin-ws20", Severity.LOW, T0);
		long b = data.incident("fin-ws21", Severity.LOW, T0);
		long c = data.incident("fin-ws22", Severity.LOW, T0);
		workflow.resolve(c, Resolution.BENIGN, null, new Actor(ann, Role.ANALYST));

		mockMvc.perform(post("/incidents/bulk").with(user(ann).roles("ANALYST")).with(csrf())
			.param("ids", String.valueOf(a), String.valueOf(b), String.valueOf(c)).param("action", "acknowledge"))
			.andExpect(redirectedUrl("/incidents"))
			.andExpect(flash().attribute("error",
					"2 acknowledged, 1 skipped: Incident " + c + " is already resolved; reopen it first"));

		assertThat(List.of(data.column(a, "status"), data.column(b, "status"), data.column(c, "status")))
			.containsExactly("acknowledged", "acknowledged", "resolved");
		assertThat(data.column(a, "acknowledged_by")).isEqualTo(ann);
	}

	@Test
	void shouldAnswerForbiddenWhenAnalystAssignsSomeoneElseOrMerges() throws Exception {
		String ann = data.user("analyst");
		String bob = data.user("analyst");
		long a = data.incident("fin-ws30", Severity.LOW, T0);
		long b = data.incident("fin-ws31", Severity.LOW, T0);

		mockMvc.perform(post("/incidents/{id}/assign", a).with(user(ann).roles("ANALYST")).with(csrf())
			.param("assignee", bob)).andExpect(status().isForbidden());
		mockMvc.perform(post("/incidents/{id}/merge", a).with(user(ann).roles("ANALYST")).with(csrf())
			.param("target", String.valueOf(b))).andExpect(status().isForbidden());
		mockMvc.perform(post("/incidents/{id}/acknowledge", a).with(user(ann).roles("ANALYST")))
			.andExpect(status().isForbidden());

		assertThat(data.column(a, "assignee")).isNull();
		assertThat(data.column(a, "status")).isEqualTo("new");
		assertThat(data.column(b, "alert_count")).isEqualTo("1");
		mockMvc.perform(post("/incidents/{id}/take", a).with(user(ann).roles("ANALYST")).with(csrf()))
			.andExpect(redirectedUrl("/incidents/" + a))
			.andExpect(flash().attribute("message", "Assigned to you"));
		assertThat(data.column(a, "assignee")).isEqualTo(ann);
	}

	@Test
	void shouldShowObservablesRawEventsAndEscapedScriptOnTheIncidentPage() throws Exception {
		long id = data.incident("fin-ws40", Severity.HIGH, T0);
		workflow.addNote(id, "**bold** <b>not html</b>", new Actor(data.user("analyst"), Role.ANALYST));

		mockMvc.perform(get("/incidents/{id}", id).with(user("viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<strong>bold</strong> &lt;b&gt;not html&lt;/b&gt;")))
			.andExpect(content().string(containsString("data-type=\"hash\"")))
			.andExpect(content().string(containsString("<code>abc123</code>")))
			.andExpect(content().string(containsString("10.1.2.3")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(containsString("Raw event (JSON)")))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
	}

}
