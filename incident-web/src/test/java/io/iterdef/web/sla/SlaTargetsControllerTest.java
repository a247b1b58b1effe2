package io.iterdef.web.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(SlaTargetsController.class)
@Import(SecurityConfiguration.class)
class SlaTargetsControllerTest {

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private SlaTargetRepository targets;

	@BeforeEach
	void targets() {
		Instant t = Instant.parse("2026-01-01T00:00:00Z");
		given(targets.findAll()).willReturn(List.of(new SlaTarget("low", 86400, 604800, null, t),
				new SlaTarget("medium", 14400, 259200, null, t), new SlaTarget("high", 1800, 28800, null, t),
				new SlaTarget("critical", 900, 14400, "lead", t)));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder validForm() {
		return form("1d", "4h", "8h");
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form(String ackLow,
			String ackMedium, String resolveHigh) {
		return post("/admin/sla").param("ack_low", ackLow)
			.param("resolve_low", "7d")
			.param("ack_medium", ackMedium)
			.param("resolve_medium", "3d")
			.param("ack_high", "20m")
			.param("resolve_high", resolveHigh)
			.param("ack_critical", "15m")
			.param("resolve_critical", "4h");
	}

	@Test
	void shouldRedirectToLoginWhenNotAuthenticated() throws Exception {
		mockMvc.perform(get("/admin/sla")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldForbidAnalystWhenViewingOrChangingTargets() throws Exception {
		mockMvc.perform(get("/admin/sla")).andExpect(status().isForbidden());
		mockMvc.perform(validForm().with(csrf())).andExpect(status().isForbidden());

		then(targets).should(never()).update(anyMap(), anyString());
	}

	@Test
	@WithMockUser(username = "lead1", roles = "LEAD")
	void shouldShowTargetsAsDurationsWhenLeadOpensPage() throws Exception {
		mockMvc.perform(get("/admin/sla"))
			.andExpect(status().isOk())
			.andExpect(view().name(SlaTargetsController.VIEW_SLA_TARGETS))
			.andExpect(content().string(containsString("value=\"30m\"")))
			.andExpect(content().string(containsString("value=\"8h\"")));
	}

	@Test
	@WithMockUser(username = "lead1", roles = "LEAD")
	void shouldSaveParsedSecondsWhenFormIsValid() throws Exception {
		given(targets.update(anyMap(), eq("lead1"))).willReturn(List.of("high"));

		mockMvc.perform(validForm().with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/sla"))
			.andExpect(flash().attribute("message", "Saved the SLA targets of high; new incidents use them."));

		then(targets).should()
			.update(org.mockito.ArgumentMatchers.argThat((Map<String, int[]> m) -> m.get("high")[0] == 1200
					&& m.get("high")[1] == 28800 && m.size() == 4), eq("lead1"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void shouldExplainAndSaveNothingWhenResolveIsShorterThanAckOrNotADuration() throws Exception {
		mockMvc.perform(form("soon", "0", "10m").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name(SlaTargetsController.VIEW_SLA_TARGETS))
			.andExpect(content().string(containsString("Time to resolve for high must be at least its time to acknowledge (20m).")))
			.andExpect(content().string(containsString("Time to acknowledge for low: &#39;soon&#39; is not a positive duration")))
			.andExpect(content().string(containsString("Time to acknowledge for medium: &#39;0&#39; is not a positive duration")));

		then(targets).should(never()).update(any(), any());
	}

	@Test
	@WithMockUser(roles = "LEAD")
	void shouldRefuseWhenCsrfTokenIsMissing() throws Exception {
		mockMvc.perform(validForm()).andExpect(status().isForbidden());

		then(targets).should(never()).update(any(), any());
	}

}
