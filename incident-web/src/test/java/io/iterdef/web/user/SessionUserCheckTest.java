package io.iterdef.web.user;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class SessionUserCheckTest {

	private final ActiveUsers users = mock(ActiveUsers.class);

	private final MockHttpSession session = new MockHttpSession();

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/incidents");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private void loggedIn(String role, boolean formLogin) {
		request.setSession(session);
		UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated("ann", null,
				AuthorityUtils.createAuthorityList("ROLE_" + role));
		if (formLogin) {
			auth.setDetails(new WebAuthenticationDetails(request));
		}
		SecurityContextHolder.getContext().setAuthentication(auth);
	}

	@Test
	void shouldSignOutWhenTheUserHasBeenDisabled() throws Exception {
		loggedIn("ANALYST", true);
		given(users.activeRole("ann")).willReturn(Optional.empty());

		new SessionUserCheck(() -> users).doFilter(request, response, chain);

		assertThat(response.getRedirectedUrl()).isEqualTo("/login?disabled");
		assertThat(session.isInvalid()).isTrue();
		assertThat(chain.getRequest()).as("the request went no further").isNull();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void shouldTakeANewRoleAtTheNextRequest() throws Exception {
		loggedIn("ANALYST", true);
		given(users.activeRole("ann")).willReturn(Optional.of(Role.LEAD));

		new SessionUserCheck(() -> users).doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNotNull();
		assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities()).extracting(Object::toString)
			.containsExactly("ROLE_LEAD");
		SecurityContext saved = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		assertThat(saved.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_LEAD");
	}

	@Test
	void shouldLeaveOtherAuthenticationsAlone() throws Exception {
		loggedIn("ADMIN", false);

		new SessionUserCheck(() -> users).doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNotNull();
		verifyNoInteractions(users);
	}

}
