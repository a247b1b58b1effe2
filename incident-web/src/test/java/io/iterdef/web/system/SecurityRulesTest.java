package io.iterdef.web.system;

import java.util.List;
import java.util.Optional;

import io.iterdef.web.api.ApiTokens;
import io.iterdef.web.user.AccessDeniedPage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The URL rules of both filter chains, without the feature controllers: who gets in where, the 403 message,
 * CSRF, and the API's 401s. A 404 means the rules let the request through (there is no handler in this
 * slice); a 403 or a redirect to /login comes before any handler is looked up.
 */
@WebMvcTest(WelcomeController.class)
@Import(SecurityConfiguration.class)
class SecurityRulesTest {

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private ApiTokens tokens;

	@Test
	void shouldRedirectToLoginWhenAnonymousOpensAPage() throws Exception {
		for (String path : List.of("/incidents", "/admin/users", "/admin/teams", "/account", "/account/tokens",
				"/metrics", "/v3/api-docs")) {
			mockMvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void shouldAnswer401JsonWithChallengeWhenApiRequestHasNoToken() throws Exception {
		mockMvc.perform(get("/api/v1/incidents"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"iterdef\""))
			.andExpect(jsonPath("$.error").value("This API needs an API token."))
			.andExpect(jsonPath("$.hint").value(org.hamcrest.Matchers.containsString("/account/tokens")));
	}

	@Test
	void shouldAnswer401WhenApiTokenIsUnknown() throws Exception {
		given(tokens.authenticate(anyString())).willReturn(Optional.empty());

		mockMvc.perform(get("/api/v1/incidents").header("Authorization", "Bearer itd_nope"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer realm=\"iterdef\", error=\"invalid_token\""))
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.startsWith("The API token is not valid")));
	}

	@Test
	void shouldAnswer401WhenApiRequestUsesBasicAuthentication() throws Exception {
		mockMvc.perform(get("/api/v1/incidents").header("Authorization", "Basic YWRtaW46YWRtaW4="))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("bearer tokens only")));
		verifyNoInteractions(tokens);
	}

	@Test
	void shouldNotAcceptALoginSessionOnTheApi() throws Exception {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada", null,
				AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);

		mockMvc.perform(get("/admin/teams").session(session)).andExpect(status().isNotFound());
		mockMvc.perform(get("/api/v1/incidents").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void shouldRefuseAnalystOnUsersPoliciesSlaAndTeamsWithAClearMessage() throws Exception {
		mockMvc.perform(post("/admin/users").param("username", "mallory").param("role", "admin")
			.with(user("ann").roles("ANALYST"))
			.with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(AccessDeniedPage.MESSAGE_ATTRIBUTE,
					"Your role (analyst) cannot manage users; ask an admin."));
		mockMvc.perform(post("/admin/policies").with(user("ann").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(AccessDeniedPage.MESSAGE_ATTRIBUTE,
					"Your role (analyst) cannot change escalation policies; ask a lead."));
		mockMvc.perform(post("/admin/policies/3/levels").with(user("ann").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/sla").with(user("ann").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(AccessDeniedPage.MESSAGE_ATTRIBUTE,
					"Your role (analyst) cannot change SLA targets; ask a lead."));
		mockMvc.perform(post("/admin/teams").param("name", "x").with(user("ann").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden());
		mockMvc.perform(get("/admin/notifications").with(user("ann").roles("ANALYST"))).andExpect(status().isForbidden());
	}

	@Test
	void shouldRefuseLeadOnUsers() throws Exception {
		mockMvc.perform(get("/admin/users").with(user("lee").roles("LEAD"))).andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/users").param("username", "x").with(user("lee").roles("LEAD")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(AccessDeniedPage.MESSAGE_ATTRIBUTE,
					"Your role (lead) cannot manage users; ask an admin."));
	}

	@Test
	void shouldLetLeadAndAdminPastTheLeadRulesByRoleHierarchy() throws Exception {
		mockMvc.perform(get("/admin/sla").with(user("lee").roles("LEAD"))).andExpect(status().isNotFound());
		mockMvc.perform(get("/admin/sla").with(user("ada").roles("ADMIN"))).andExpect(status().isNotFound());
		mockMvc.perform(get("/admin/users/x").with(user("ada").roles("ADMIN"))).andExpect(status().isNotFound());
		mockMvc.perform(get("/incidents/none").with(user("ann").roles("ANALYST"))).andExpect(status().isNotFound());
	}

	@Test
	void shouldRefusePostWithoutCsrfTokenEvenForAdmin() throws Exception {
		mockMvc.perform(post("/admin/users").param("username", "x").with(user("ada").roles("ADMIN")))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute(AccessDeniedPage.MESSAGE_ATTRIBUTE,
					org.hamcrest.Matchers.startsWith("The form was sent without a valid security token")));
		mockMvc.perform(post("/logout").with(user("ann").roles("ANALYST"))).andExpect(status().isForbidden());
		mockMvc.perform(post("/logout").with(user("ann").roles("ANALYST")).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void shouldPassTokenUserToTheApiWhenTokenIsValid() throws Exception {
		given(tokens.authenticate(any())).willReturn(Optional.of(UsernamePasswordAuthenticationToken.authenticated("ann",
				null, AuthorityUtils.createAuthorityList("ROLE_ANALYST"))));

		mockMvc.perform(get("/api/v1/nothing-here").header("Authorization", "Bearer itd_good"))
			.andExpect(status().isNotFound());
	}

}
