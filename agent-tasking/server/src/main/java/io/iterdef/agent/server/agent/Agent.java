package io.iterdef.agent.server.agent;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/** An enrolled, unrevoked agent, as the authentication filter found it for the current request. */
public record Agent(UUID id, String hostname, String os) {

	static final String REQUEST_ATTRIBUTE = Agent.class.getName();

	/** The authenticated agent of a request under the agent API (set by {@link AgentAuthenticationFilter}). */
	public static Agent of(HttpServletRequest request) {
		Object agent = request.getAttribute(REQUEST_ATTRIBUTE);
		if (!(agent instanceof Agent a)) {
			throw new IllegalStateException("no authenticated agent on " + request.getRequestURI());
		}
		return a;
	}

}
