package io.iterdef.web.incident;

import io.iterdef.web.audit.AuditLog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.iterdef.web.escalation.EscalationRepository;
import io.iterdef.web.escalation.IncidentEscalation;
import io.iterdef.web.model.Paged;
import io.iterdef.web.notify.Notification;
import io.iterdef.web.notify.NotificationRepository;
import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(IncidentController.class)
@Import(SecurityConfiguration.class)
class IncidentControllerTest {

	private static final long TEST_INCIDENT_ID = 7;

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private IncidentService incidents;

	@MockitoBean
	private EscalationRepository escalations;

	@MockitoBean
	private NotificationRepository notifications;

	static Incident incident() {
		Instant t = Instant.parse("2020-09-04T20:09:55.760Z");
		return new Incident(TEST_INCIDENT_ID, "Encoded PowerShell command line on wkstn-1.corp.local", "rule-1",
				"Encoded PowerShell command line", Severity.HIGH, "wkstn-1.corp.local", "wkstn-1.corp.local",
				IncidentStatus.NEW, t, t, t, t, 1);
	}

	static IncidentAlert alert() {
		EventFields event = new EventFields("e1",
				List.of(new EventFields.Field("event.code", "1"),
						new EventFields.Field("process.command_line", "powershell -enc <script>x</script>")));
		return new IncidentAlert("a1", "rule-1", "Encoded PowerShell command line", Severity.HIGH,
				List.of("T1059.001"), "wkstn-1.corp.local", Instant.parse("2020-09-04T20:09:55.760Z"),
				Instant.parse("2020-09-04T20:10:00Z"), List.of(event), 0, null);
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(get("/incidents")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mockMvc.perform(get("/incidents/{id}", TEST_INCIDENT_ID)).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@BeforeEach
	void assignable() {
		given(incidents.assignable()).willReturn(new IncidentService.Assignable(List.of("ann", "lee"), List.of("soc")));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldShowIncidentListWhenAuthenticated() throws Exception {
		Paged<IncidentRow> page = Paged.of(List.of(new IncidentRow(incident(), "warning", false)), Paged.request(1, 25), 1);
		given(incidents.list(eq(IncidentFilter.none()), eq("ann"), any())).willReturn(page);

		mockMvc.perform(get("/incidents"))
			.andExpect(status().isOk())
			.andExpect(view().name(IncidentController.VIEW_INCIDENT_LIST))
			.andExpect(model().attribute("incidents", hasSize(1)))
			.andExpect(model().attribute("page", page))
			.andExpect(content().string(containsString("Encoded PowerShell command line on wkstn-1.corp.local")))
			.andExpect(content().string(containsString("data-incident-id=\"7\"")))
			.andExpect(content().string(containsString("class=\"incident-link\" href=\"/incidents/7\"")))
			.andExpect(content().string(containsString("id=\"bulk-acknowledge\"")));
	}

	@Test
	@WithMockUser(username = "ann")
	void shouldPassFiltersAndKeepThemInPageLinksWhenListIsFiltered() throws Exception {
		IncidentFilter filter = new IncidentFilter("open", "high", "me", null, "rule-1", "wkstn", "24h", "breached",
				"sla", "asc");
		given(incidents.list(eq(filter), eq("ann"), eq(Paged.request(1, 1))))
			.willReturn(Paged.of(List.of(new IncidentRow(incident(), "breached", false)), Paged.request(1, 1), 3));

		mockMvc.perform(get("/incidents").param("status", "open").param("severity", "high").param("assignee", "me")
			.param("rule", "rule-1").param("host", "wkstn").param("age", "24h").param("sla", "breached")
			.param("sort", "sla").param("dir", "asc").param("size", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"/incidents?status=open&amp;severity=high&amp;assignee=me&amp;rule=rule-1&amp;host=wkstn&amp;age=24h&amp;sla=breached&amp;sort=sla&amp;dir=asc&amp;page=2&amp;size=1")));
	}

	@Test
	@WithMockUser
	void shouldClampPageWhenPageParameterIsOutOfRange() throws Exception {
		given(incidents.list(any(), any(), eq(Paged.request(1, 200))))
			.willReturn(Paged.of(List.of(), Paged.request(1, 200), 0));

		mockMvc.perform(get("/incidents").param("page", "-3").param("size", "100000"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("incidents", hasSize(0)))
			.andExpect(content().string(containsString("No incidents match.")));
	}

	@Test
	@WithMockUser
	void shouldExplainUnknownFilterValueWhenItIsIgnored() throws Exception {
		given(incidents.list(any(), any(), any())).willReturn(Paged.of(List.of(), Paged.request(1, 25), 0));

		mockMvc.perform(get("/incidents").param("status", "<b>closed</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unknown status &#39;&lt;b&gt;closed&lt;/b&gt;&#39;")));
	}

	@Test
	@WithMockUser
	void shouldShowIncidentWithAlertsAndEscapedEventFieldsWhenIncidentExists() throws Exception {
		given(incidents.details(TEST_INCIDENT_ID))
			.willReturn(Optional.of(new IncidentService.IncidentDetails(incident(), List.of(alert()))));

		mockMvc.perform(get("/incidents/{id}", TEST_INCIDENT_ID))
			.andExpect(status().isOk())
			.andExpect(view().name(IncidentController.VIEW_INCIDENT_DETAILS))
			.andExpect(model().attribute("incident", incident()))
			.andExpect(model().attribute("alerts", hasSize(1)))
			.andExpect(content().string(containsString("T1059.001")))
			.andExpect(content().string(containsString("process.command_line")))
			.andExpect(content().string(containsString("powershell -enc &lt;script&gt;x&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>x</script>"))))
			.andExpect(content().string(not(containsString("suppressed"))));
	}

	@Test
	@WithMockUser
	void shouldShowEscalationAndNotificationDeliveryOnTheIncident() throws Exception {
		Instant t = Instant.parse("2020-09-04T20:15:00Z");
		given(incidents.details(TEST_INCIDENT_ID))
			.willReturn(Optional.of(new IncidentService.IncidentDetails(incident(), List.of(alert()))));
		given(escalations.find(TEST_INCIDENT_ID)).willReturn(Optional.of(
				new IncidentEscalation(TEST_INCIDENT_ID, 3L, 2, 2, 0, null, t, t, "acknowledged")));
		given(notifications.forIncident(TEST_INCIDENT_ID)).willReturn(List.of(new Notification(11, TEST_INCIDENT_ID,
				"escalation", 1, 0, "email", "soc@example.org", "Escalation level 1", "failed", 3, t,
				"no SMTP server configured: set <ITERDEF_SMTP_HOST>", t, null, null)));

		mockMvc.perform(get("/incidents/{id}", TEST_INCIDENT_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("stopped (<span>acknowledged</span>)")))
			.andExpect(content().string(containsString("soc@example.org")))
			.andExpect(content().string(containsString("status-failed")))
			.andExpect(content().string(containsString("set &lt;ITERDEF_SMTP_HOST&gt;")));
	}

	@Test
	@WithMockUser
	void shouldShowSuppressedCountNextToAlertWhenItsRuleSuppressedMatches() throws Exception {
		IncidentAlert a = alert();
		IncidentAlert suppressed = new IncidentAlert(a.id(), a.ruleId(), a.ruleName(), a.severity(), a.attack(),
				a.hostName(), a.alertTime(), a.receivedAt(), a.events(), 4, Instant.parse("2020-09-04T20:18:00Z"));
		given(incidents.details(TEST_INCIDENT_ID))
			.willReturn(Optional.of(new IncidentService.IncidentDetails(incident(), List.of(suppressed))));

		mockMvc.perform(get("/incidents/{id}", TEST_INCIDENT_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">+4 suppressed</span>")))
			.andExpect(content().string(containsString("last at 2020-09-04T20:18:00Z")));
	}

	@Test
	@WithMockUser
	void shouldAnswerNotFoundWhenIncidentDoesNotExist() throws Exception {
		given(incidents.details(404)).willReturn(Optional.empty());

		mockMvc.perform(get("/incidents/{id}", 404)).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser
	void shouldAnswerBadRequestWhenIncidentIdIsNotANumber() throws Exception {
		mockMvc.perform(get("/incidents/{id}", "abc")).andExpect(status().isBadRequest());
	}

	private static IncidentService.IncidentDetails worked(IncidentStatus status, Resolution resolution) {
		Incident i = incident();
		Instant t = i.createdAt();
		Incident worked = new Incident(i.id(), i.title(), i.ruleId(), i.ruleName(), i.severity(), i.hostName(),
				i.groupKey(), status, t, t, t, t, 1, "ann", "soc", t, "ann", resolution == null ? null : t,
				resolution == null ? null : "ann", resolution, 0, null, "rule Encoded (rule-1), host wkstn-1");
		Note note = new Note(1, "ann", t, "**x** <script>alert(1)</script>",
				Markdown.toHtml("**x** <script>alert(1)</script>"));
		AuditLog.Entry entry = new AuditLog.Entry(1, t, "ann", "acknowledge", "{\"status\": \"new\"}",
				"{\"status\": \"acknowledged\"}");
		SlaStatus sla = new SlaStatus(false, null, null, new SlaStatus.Phase(1800L, 60, "ok", null),
				new SlaStatus.Phase(28800L, 60, "ok", t.plusSeconds(28740)), "ok");
		return new IncidentService.IncidentDetails(worked, List.of(alert()), sla, List.of(note), List.of(entry),
				Observables.of(alert().events()));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldShowWorkflowStateNotesAuditAndAnalystActionsWhenIncidentIsAcknowledged() throws Exception {
		given(incidents.details(TEST_INCIDENT_ID)).willReturn(Optional.of(worked(IncidentStatus.ACKNOWLEDGED, null)));

		mockMvc.perform(get("/incidents/{id}", TEST_INCIDENT_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"incident-status\" class=\"status status-acknowledged\">acknowledged</span>")))
			.andExpect(content().string(containsString("id=\"investigate\"")))
			.andExpect(content().string(containsString("id=\"resolve-form\"")))
			.andExpect(content().string(containsString("<strong>x</strong> &lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(containsString("class=\"audit-entry\" data-action=\"acknowledge\"")))
			.andExpect(content().string(containsString("{&quot;status&quot;: &quot;acknowledged&quot;}")))
			.andExpect(content().string(containsString("rule Encoded (rule-1), host wkstn-1")))
			.andExpect(content().string(containsString("id=\"observables\"")))
			.andExpect(content().string(not(containsString("id=\"acknowledge\""))))
			.andExpect(content().string(not(containsString("id=\"merge-form\""))))
			.andExpect(content().string(not(containsString("id=\"assign-form\""))))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
	}

	@Test
	@WithMockUser(username = "lee", roles = "LEAD")
	void shouldShowResolutionReopenAndLeadFormsWhenIncidentIsResolvedAndUserIsLead() throws Exception {
		given(incidents.details(TEST_INCIDENT_ID))
			.willReturn(Optional.of(worked(IncidentStatus.RESOLVED, Resolution.FALSE_POSITIVE)));

		mockMvc.perform(get("/incidents/{id}", TEST_INCIDENT_ID))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"incident-resolution\">false_positive</span>")))
			.andExpect(content().string(containsString("id=\"reopen\"")))
			.andExpect(content().string(containsString("id=\"assign-form\"")))
			.andExpect(content().string(not(containsString("id=\"resolve-form\""))))
			.andExpect(content().string(not(containsString("id=\"merge-form\""))));
	}

}
