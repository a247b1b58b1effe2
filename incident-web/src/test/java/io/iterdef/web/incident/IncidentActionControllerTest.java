package io.iterdef.web.incident;

import io.iterdef.web.system.SecurityConfiguration;
import io.iterdef.web.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(IncidentActionController.class)
@Import(SecurityConfiguration.class)
class IncidentActionControllerTest {

	private static final Actor ANN = new Actor("ann", Role.ANALYST);

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private IncidentWorkflow workflow;

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldRefusePostWhenCsrfTokenIsMissing() throws Exception {
		mockMvc.perform(post("/incidents/7/acknowledge")).andExpect(status().isForbidden());
		verifyNoInteractions(workflow);
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(post("/incidents/7/acknowledge").with(csrf())).andExpect(status().is3xxRedirection());
		verifyNoInteractions(workflow);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldAcknowledgeAsLoggedInUserAndComeBackWithMessage() throws Exception {
		mockMvc.perform(post("/incidents/7/acknowledge").with(csrf()))
			.andExpect(redirectedUrl("/incidents/7"))
			.andExpect(flash().attribute("message", "Acknowledged"));
		verify(workflow).acknowledge(7, ANN);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldShowReasonAsErrorWhenStepDoesNotFit() throws Exception {
		willThrow(new WorkflowException("Incident 7 is already resolved; reopen it first")).given(workflow)
			.resolve(7, Resolution.FALSE_POSITIVE, "done", ANN);

		mockMvc.perform(post("/incidents/7/resolve").with(csrf()).param("resolution", "false_positive")
			.param("comment", "done"))
			.andExpect(redirectedUrl("/incidents/7"))
			.andExpect(flash().attribute("error", "Incident 7 is already resolved; reopen it first"));
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldAnswerForbiddenWhenWorkflowRefusesTheRole() throws Exception {
		willThrow(new AccessDeniedException("Only a lead or an admin may merge incidents")).given(workflow)
			.merge(7, 8, ANN);

		mockMvc.perform(post("/incidents/7/merge").with(csrf()).param("target", "8")).andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldRefuseBulkAssignToSomeoneElseWhenUserIsAnalyst() throws Exception {
		mockMvc.perform(post("/incidents/bulk").with(csrf()).param("ids", "1", "2").param("action", "assign")
			.param("assignee", "bob")).andExpect(status().isForbidden());
		verifyNoInteractions(workflow);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldAcknowledgeEachAndNameTheSkippedOnesWhenBulkAcknowledging() throws Exception {
		willThrow(new WorkflowException("Incident 2 is already resolved; reopen it first")).given(workflow)
			.acknowledge(2, ANN);

		mockMvc.perform(post("/incidents/bulk").with(csrf()).param("ids", "1", "2", "3").param("action", "acknowledge")
			.param("back", "status=open&rule=r1"))
			.andExpect(redirectedUrl("/incidents?status=open&rule=r1"))
			.andExpect(flash().attribute("error",
					"2 acknowledged, 1 skipped: Incident 2 is already resolved; reopen it first"));
		verify(workflow).acknowledge(1, ANN);
		verify(workflow).acknowledge(3, ANN);
	}

	@Test
	@WithMockUser(username = "ann", roles = "ANALYST")
	void shouldIgnoreBackParameterWhenItIsNotAPlainQuery() throws Exception {
		mockMvc.perform(post("/incidents/bulk").with(csrf()).param("ids", "1").param("action", "acknowledge")
			.param("back", "x\r\nLocation: https://evil.example"))
			.andExpect(redirectedUrl("/incidents"))
			.andExpect(flash().attribute("message", "1 acknowledged"));
	}

	@Test
	@WithMockUser(username = "lee", roles = "LEAD")
	void shouldGoToTargetWhenMergeSucceeds() throws Exception {
		mockMvc.perform(post("/incidents/7/merge").with(csrf()).param("target", "#8"))
			.andExpect(redirectedUrl("/incidents/8"));
		verify(workflow).merge(7, 8, new Actor("lee", Role.LEAD));
	}

	@Test
	@WithMockUser(username = "lee", roles = "LEAD")
	void shouldGoToNewIncidentWhenAlertIsSplitOut() throws Exception {
		given(workflow.splitAlert(any(), any())).willReturn(99L);

		mockMvc.perform(post("/incidents/7/split").with(csrf()).param("alert", "a1"))
			.andExpect(redirectedUrl("/incidents/99"));
	}

}
