package io.iterdef.web.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class ApiErrorsTest {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldAnswer403JsonNamingTheRoleWhenTheRoleMayNotDoIt() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ann",
				null, AuthorityUtils.createAuthorityList("ROLE_ANALYST")));
		MockHttpServletResponse response = new MockHttpServletResponse();

		ApiErrors.forbidden().handle(new MockHttpServletRequest(), response, new AccessDeniedException("no"));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"error\":\"Your role (analyst) may not do this.\",\"hint\":\"Ask a lead or an admin, or use a "
					+ "token of a user with a higher role.\"}");
	}

}
