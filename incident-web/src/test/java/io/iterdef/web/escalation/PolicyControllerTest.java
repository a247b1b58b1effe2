package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.iterdef.web.incident.Severity;
import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(PolicyController.class)
@Import(SecurityConfiguration.class)
class PolicyControllerTest {

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private PolicyRepository policies;

	private static Policy policy() {
		Instant t = Instant.parse("2026-01-01T00:00:00Z");
		PolicyVersion v = new PolicyVersion(3, 2, Set.of(Severity.HIGH), "cred-.*",
				List.of(new Level(0, List.of(new Target(Target.Type.USER, "alice"))),
						new Level(900, List.of(new Target(Target.Type.WEBHOOK, "https://chat.example.org/<hook>")))),
				1, t, "lead1");
		return new Policy(3, "Credential <theft>", true, 10, t, "lead1", v);
	}

	@Test
	@WithMockUser(roles = "ANALYST")
	void shouldForbidAnalystWhenChangingPolicies() throws Exception {
		mockMvc.perform(get("/admin/policies")).andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/policies/new").param("name", "x").with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/policies/3/disable").with(csrf())).andExpect(status().isForbidden());

		then(policies).should(never()).create(any(), anyString());
		then(policies).should(never()).setEnabled(anyLong(), eq(false), anyString());
	}

	@Test
	@WithMockUser(username = "lead1", roles = "LEAD")
	void shouldShowVersionsEscapedWhenLeadOpensPolicy() throws Exception {
		given(policies.findById(3)).willReturn(Optional.of(policy()));
		given(policies.versions(3)).willReturn(List.of(policy().current()));

		mockMvc.perform(get("/admin/policies/3"))
			.andExpect(status().isOk())
			.andExpect(view().name(PolicyController.VIEW_POLICY_DETAILS))
			.andExpect(content().string(containsString("Credential &lt;theft&gt;")))
			.andExpect(content().string(containsString("15m after the previous level")))
			.andExpect(content().string(containsString("https://chat.example.org/&lt;hook&gt;")))
			.andExpect(content().string(not(containsString("<theft>"))));
	}

	@Test
	@WithMockUser(username = "lead1", roles = "LEAD")
	void shouldCreateVersionOneWhenFormIsValid() throws Exception {
		given(policies.userExists("alice")).willReturn(true);
		given(policies.create(any(), eq("lead1"))).willReturn(5L);

		mockMvc.perform(post("/admin/policies/new").with(csrf())
			.param("name", "High")
			.param("priority", "10")
			.param("severities", "high")
			.param("repeat", "0")
			.param("delays[0]", "0")
			.param("targets[0]", "user:alice")
			.param("delays[1]", "5m")
			.param("targets[1]", "soc@example.org"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/policies/5"));

		then(policies).should()
			.create(org.mockito.ArgumentMatchers.argThat(d -> d.name().equals("High") && d.levels().size() == 2
					&& d.levels().get(1).delaySeconds() == 300), eq("lead1"));
	}

	@Test
	@WithMockUser(roles = "LEAD")
	void shouldExplainAndSaveNothingWhenFormIsInvalid() throws Exception {
		mockMvc.perform(post("/admin/policies/new").with(csrf())
			.param("name", "High")
			.param("priority", "10")
			.param("severities", "high")
			.param("repeat", "0")
			.param("delays[0]", "soon")
			.param("targets[0]", "user:nobody"))
			.andExpect(status().isOk())
			.andExpect(view().name(PolicyController.VIEW_POLICY_FORM))
			.andExpect(content().string(containsString("The policy was not saved")))
			.andExpect(content().string(containsString("is not a delay; write it like 90s")));

		then(policies).should(never()).create(any(), anyString());
	}

	@Test
	@WithMockUser(username = "lead1", roles = "LEAD")
	void shouldSaveNewVersionWhenEditing() throws Exception {
		given(policies.findById(3)).willReturn(Optional.of(policy()));
		given(policies.update(eq(3L), any(), eq("lead1"))).willReturn(3);

		mockMvc.perform(get("/admin/policies/3/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saving creates version <span>3</span>")))
			.andExpect(content().string(containsString("value=\"15m\"")));
		mockMvc.perform(post("/admin/policies/3/edit").with(csrf())
			.param("name", "Credential theft")
			.param("priority", "10")
			.param("severities", "critical")
			.param("repeat", "1")
			.param("delays[0]", "0")
			.param("targets[0]", "soc@example.org"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/policies/3"));

		then(policies).should().update(eq(3L), any(), eq("lead1"));
	}

	@Test
	@WithMockUser(roles = "LEAD")
	void shouldAnswerNotFoundWhenPolicyDoesNotExist() throws Exception {
		given(policies.findById(404)).willReturn(Optional.empty());

		mockMvc.perform(get("/admin/policies/404")).andExpect(status().isNotFound());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void shouldListPoliciesAndOfferEmptyFormWhenAdminOpensPages() throws Exception {
		given(policies.findAll()).willReturn(List.of(policy()));

		mockMvc.perform(get("/admin/policies"))
			.andExpect(status().isOk())
			.andExpect(view().name(PolicyController.VIEW_POLICY_LIST))
			.andExpect(content().string(containsString("Credential &lt;theft&gt;")))
			.andExpect(content().string(containsString("cred-.*")));
		mockMvc.perform(get("/admin/policies/new"))
			.andExpect(status().isOk())
			.andExpect(view().name(PolicyController.VIEW_POLICY_FORM))
			.andExpect(content().string(containsString("New escalation policy")))
			.andExpect(content().string(containsString("name=\"targets[4]\"")));
	}

}
