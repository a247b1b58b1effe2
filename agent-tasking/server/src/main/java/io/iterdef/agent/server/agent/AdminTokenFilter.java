package io.iterdef.agent.server.agent;

import java.io.IOException;

import io.iterdef.agent.server.system.JsonErrors;
import io.iterdef.agent.server.system.Secrets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin API ({@code /admin/v1/**}: revoke an agent, create a task) until incident-web takes it over: a bearer
 * token equal to ITERDEF_AGENT_ADMIN_TOKEN (compared in constant time). Without that variable the admin API is off.
 */
public class AdminTokenFilter extends OncePerRequestFilter {

	private final String adminToken;

	public AdminTokenFilter(String adminToken) {
		this.adminToken = adminToken == null ? "" : adminToken;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (adminToken.isEmpty()) {
			JsonErrors.write(response, 403, "the admin API is off", "set ITERDEF_AGENT_ADMIN_TOKEN to turn it on");
			return;
		}
		if (!Secrets.matches(Secrets.bearer(request.getHeader("Authorization")), adminToken)) {
			JsonErrors.write(response, 401, "missing or wrong admin token",
					"send Authorization: Bearer <ITERDEF_AGENT_ADMIN_TOKEN>");
			return;
		}
		chain.doFilter(request, response);
	}

}
