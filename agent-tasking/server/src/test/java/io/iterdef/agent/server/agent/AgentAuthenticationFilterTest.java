package io.iterdef.agent.server.agent;

import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.server.system.Secrets;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class AgentAuthenticationFilterTest {

	private final AgentRepository agents = mock(AgentRepository.class);

	private final AgentAuthenticationFilter filter = new AgentAuthenticationFilter(agents);

	@Test
	void shouldRefuseAMissingCredentialWith401() throws Exception {
		MockHttpServletResponse response = run(request(AgentApi.POLL, null), new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).contains("missing credential");
		verifyNoInteractions(agents);
	}

	@Test
	void shouldRefuseAnUnknownOrRevokedCredentialWith401() throws Exception {
		when(agents.findActive(anyString())).thenReturn(Optional.empty());
		MockFilterChain chain = new MockFilterChain();

		MockHttpServletResponse response = run(request(AgentApi.POLL, "Bearer nope"), chain);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentAsString()).contains("enroll again");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void shouldPassTheAgentOnWhenTheCredentialsHashIsActive() throws Exception {
		Agent agent = new Agent(UUID.randomUUID(), "h1", "linux");
		when(agents.findActive(Secrets.hash("good"))).thenReturn(Optional.of(agent));
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletRequest request = request(AgentApi.POLL, "Bearer good");

		run(request, chain);

		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(Agent.of(request)).isEqualTo(agent);
	}

	@Test
	void shouldLetEnrollmentThroughWithoutCredentialButNotAnotherProtocolVersion() throws Exception {
		MockFilterChain chain = new MockFilterChain();
		run(request(AgentApi.ENROLL, null), chain);
		assertThat(chain.getRequest()).isNotNull();

		MockHttpServletRequest other = request(AgentApi.ENROLL, null);
		other.addHeader(AgentApi.VERSION_HEADER, "2");
		assertThat(run(other, new MockFilterChain()).getStatus()).isEqualTo(426);
	}

	@Test
	void shouldKeepTheAdminApiOffWithoutATokenAndRefuseAWrongOne() throws Exception {
		MockHttpServletResponse off = new MockHttpServletResponse();
		new AdminTokenFilter("").doFilter(request("/admin/v1/tasks", "Bearer x"), off, new MockFilterChain());
		assertThat(off.getStatus()).isEqualTo(403);

		MockHttpServletResponse wrong = new MockHttpServletResponse();
		new AdminTokenFilter("t0ken").doFilter(request("/admin/v1/tasks", "Bearer t0ken2"), wrong, new MockFilterChain());
		assertThat(wrong.getStatus()).isEqualTo(401);

		MockFilterChain chain = new MockFilterChain();
		new AdminTokenFilter("t0ken").doFilter(request("/admin/v1/tasks", "Bearer t0ken"), new MockHttpServletResponse(),
				chain);
		assertThat(chain.getRequest()).isNotNull();
	}

	private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, chain);
		return response;
	}

	private static MockHttpServletRequest request(String path, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

}
