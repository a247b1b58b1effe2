package io.iterdef.web.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(WelcomeController.class)
@Import(SecurityConfiguration.class)
class LoginPageTest {

	@Autowired
	private MockMvc mockMvc;

	@Test
	void shouldRenderLoginPageWithCsrfTokenWhenAnonymous() throws Exception {
		mockMvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(view().name(WebConfiguration.VIEW_LOGIN))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("/css/iterdef.css")))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString().split("<body", -1)).hasSize(2));
	}

	@Test
	void shouldServeStylesheetWhenAnonymous() throws Exception {
		mockMvc.perform(get("/css/iterdef.css")).andExpect(status().isOk());
	}

	@Test
	void shouldRejectLoginPostWhenCsrfTokenIsMissing() throws Exception {
		mockMvc.perform(post("/login").param("username", "admin").param("password", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldRedirectToLoginErrorWhenCredentialsAreWrong() throws Exception {
		mockMvc.perform(formLogin("/login").user("nobody").password("wrong")).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	@WithMockUser
	void shouldRedirectToIncidentsWhenOpeningRoot() throws Exception {
		mockMvc.perform(get("/").with(csrf())).andExpect(redirectedUrl("/incidents"));
	}

}
