package io.iterdef.agent.server.agent;

import java.io.IOException;
import java.util.Optional;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.server.system.JsonErrors;
import io.iterdef.agent.server.system.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call under {@value AgentApi#PREFIX} but enrollment needs {@code Authorization: Bearer <credential>} of an
 * enrolled, unrevoked agent: missing, wrong or revoked is 401 (the agent enrolls again). A request that names
 * another major protocol version is 426.
 */
public class AgentAuthenticationFilter extends OncePerRequestFilter {

	private final AgentRepository agents;

	public AgentAuthenticationFilter(AgentRepository agents) {
		this.agents = agents;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String version = request.getHeader(AgentApi.VERSION_HEADER);
		if (version != null && !version.strip().equals(Integer.toString(AgentApi.VERSION))) {
			JsonErrors.write(response, 426, "protocol version " + version + " is not supported",
					"this server speaks agent protocol " + AgentApi.VERSION + "; update the agent");
			return;
		}
		if (request.getRequestURI().equals(AgentApi.ENROLL)) {
			chain.doFilter(request, response);
			return;
		}
		String credential = Secrets.bearer(request.getHeader("Authorization"));
		if (credential == null) {
			JsonErrors.write(response, 401, "missing credential",
					"send Authorization: Bearer <credential> from enrollment, or enroll first");
			return;
		}
		Optional<Agent> agent = agents.findActive(Secrets.hash(credential));
		if (agent.isEmpty()) {
			JsonErrors.write(response, 401, "unknown or revoked credential", "enroll again with the enrollment secret");
			return;
		}
		request.setAttribute(Agent.REQUEST_ATTRIBUTE, agent.get());
		chain.doFilter(request, response);
	}

}
