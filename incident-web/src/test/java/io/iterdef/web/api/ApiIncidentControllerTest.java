package io.iterdef.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.iterdef.web.incident.Actor;
import io.iterdef.web.incident.IncidentNotFoundException;
import io.iterdef.web.incident.IncidentWorkflow;
import io.iterdef.web.incident.Resolution;
import io.iterdef.web.incident.WorkflowException;
import io.iterdef.web.system.SecurityConfiguration;
import io.iterdef.web.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ApiIncidentController.class)
@Import(SecurityConfiguration.class)
class ApiIncidentControllerTest {

	private static final String TOKEN = "Bearer itd_test";

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private ApiIncidentRepository incidents;

	@MockitoBean
	private ApiTokens tokens;

	@MockitoBean
	private IncidentWorkflow workflow;

	private static final Actor ANN = new Actor("ann", Role.ANALYST);

	@BeforeEach
	void analystToken() {
		given(tokens.authenticate(anyString())).willReturn(Optional.of(UsernamePasswordAuthenticationToken
			.authenticated("ann", null, AuthorityUtils.createAuthorityList("ROLE_ANALYST"))));
	}

	static ApiModel.IncidentSummary incident(long id) {
		Instant t = Instant.parse("2026-01-01T10:00:00Z");
		return new ApiModel.IncidentSummary(id, "Encoded PowerShell on h1", "rule-1", "Encoded PowerShell", "high", "new",
				"h1", "h1", null, null, t, t, t, t, 1, null, null, null, null, null, null, "rule-1, host h1", "ok");
	}

	@Test
	void shouldPassFiltersAndPagingToTheQuery() throws Exception {
		ApiModel.IncidentFilter filter = new ApiModel.IncidentFilter("new", "high", "rule-1", "h1");
		given(incidents.find(filter, 2, 10)).willReturn(new ApiModel.IncidentPage(11, 2, 10, List.of(incident(7))));

		mockMvc.perform(get("/api/v1/incidents").header("Authorization", TOKEN)
			.param("status", "NEW")
			.param("severity", "high")
			.param("rule", "rule-1")
			.param("host", "h1")
			.param("page", "2")
			.param("size", "10"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(11))
			.andExpect(jsonPath("$.items[0].id").value(7))
			.andExpect(jsonPath("$.items[0].createdAt").value("2026-01-01T10:00:00Z"))
			.andExpect(jsonPath("$.items[0].slaState").value("ok"));
	}

	@Test
	void shouldLowerPageSizeToTheMaximum() throws Exception {
		ApiModel.IncidentFilter none = new ApiModel.IncidentFilter(null, null, null, null);
		given(incidents.find(none, 1, 200)).willReturn(new ApiModel.IncidentPage(0, 1, 200, List.of()));

		mockMvc.perform(get("/api/v1/incidents").header("Authorization", TOKEN).param("size", "100000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(200));
		verify(incidents).find(none, 1, 200);
	}

	@Test
	void shouldListEveryBadParameterWhenTheRequestIsInvalid() throws Exception {
		mockMvc.perform(get("/api/v1/incidents").header("Authorization", TOKEN)
			.param("status", "open")
			.param("severity", "huge")
			.param("page", "zero"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(allOf(containsString("status 'open' is not one of acknowledged, "
					+ "investigating, new, resolved."), containsString("severity 'huge'"), containsString("page 'zero'"))))
			.andExpect(jsonPath("$.hint").value(containsString("/v3/api-docs")));
		verifyNoInteractions(incidents);
	}

	@Test
	void shouldAnswer404JsonWhenTheIncidentDoesNotExist() throws Exception {
		given(incidents.find(42L)).willReturn(Optional.empty());

		mockMvc.perform(get("/api/v1/incidents/42").header("Authorization", TOKEN))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("no incident 42"));
	}

	@Test
	void shouldAnswer400JsonWhenTheIdIsNotANumber() throws Exception {
		mockMvc.perform(get("/api/v1/incidents/abc").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("'abc' is not a valid id."));
	}

	@Test
	void shouldReturnTheIncidentWithAlertsAndNotes() throws Exception {
		given(incidents.find(7L)).willReturn(Optional.of(incident(7)));
		given(incidents.alerts(7)).willReturn(List.of(new ApiModel.AlertSummary("a1", "rule-1", "Encoded PowerShell",
				"high", List.of("T1059.001"), "h1", Instant.parse("2026-01-01T10:00:00Z"), List.of("e1"), 0)));
		given(incidents.notes(7)).willReturn(
				List.of(new ApiModel.Note(1, "ann", Instant.parse("2026-01-01T11:00:00Z"), "looks **benign**")));

		mockMvc.perform(get("/api/v1/incidents/7").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.incident.title").value("Encoded PowerShell on h1"))
			.andExpect(jsonPath("$.alerts[0].attack[0]").value("T1059.001"))
			.andExpect(jsonPath("$.notes[0].markdown").value("looks **benign**"));
	}

	@Test
	void shouldAcknowledgeAsTheTokensUserWithoutACsrfToken() throws Exception {
		given(incidents.find(7L)).willReturn(Optional.of(incident(7)));

		mockMvc.perform(post("/api/v1/incidents/7/acknowledge").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.incident.id").value(7));
		verify(workflow).acknowledge(7, ANN);
	}

	@Test
	void shouldAnswer409WithTheReasonWhenTheStepDoesNotFit() throws Exception {
		willThrow(new WorkflowException("Incident 7 is already resolved; reopen it first")).given(workflow)
			.acknowledge(7, ANN);

		mockMvc.perform(post("/api/v1/incidents/7/acknowledge").header("Authorization", TOKEN))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.error").value("Incident 7 is already resolved; reopen it first"));
	}

	@Test
	void shouldAnswer404WhenAcknowledgingAMissingIncident() throws Exception {
		willThrow(new IncidentNotFoundException("Incident 42 does not exist")).given(workflow).acknowledge(42, ANN);

		mockMvc.perform(post("/api/v1/incidents/42/acknowledge").header("Authorization", TOKEN))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("Incident 42 does not exist"));
	}

	@Test
	void shouldAddACommentAsANote() throws Exception {
		given(incidents.find(7L)).willReturn(Optional.of(incident(7)));

		mockMvc.perform(post("/api/v1/incidents/7/comments").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"body\": \"checked the **host**\"}")).andExpect(status().isOk());
		verify(workflow).addNote(7, "checked the **host**", ANN);
	}

	@Test
	void shouldRefuseABlankComment() throws Exception {
		mockMvc.perform(post("/api/v1/incidents/7/comments").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"body\": \"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("The comment's body is missing or blank."));
		verifyNoInteractions(workflow);
	}

	@Test
	void shouldResolveWithTheResolutionAndComment() throws Exception {
		given(incidents.find(7L)).willReturn(Optional.of(incident(7)));

		mockMvc.perform(post("/api/v1/incidents/7/resolve").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"resolution\": \"FALSE_POSITIVE\", \"comment\": \"admin script\"}"))
			.andExpect(status().isOk());
		verify(workflow).resolve(7, Resolution.FALSE_POSITIVE, "admin script", ANN);
	}

	@Test
	void shouldRefuseAnUnknownResolution() throws Exception {
		mockMvc.perform(post("/api/v1/incidents/7/resolve").header("Authorization", TOKEN)
			.contentType("application/json")
			.content("{\"resolution\": \"fixed\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value(containsString("resolution 'fixed' is not one of")));
		verify(workflow, org.mockito.Mockito.never()).resolve(eq(7L), any(), any(), any());
	}

	@Test
	void shouldRefuseWritesWithoutAToken() throws Exception {
		mockMvc.perform(post("/api/v1/incidents/7/acknowledge")).andExpect(status().isUnauthorized());
		verifyNoInteractions(workflow);
	}

}
