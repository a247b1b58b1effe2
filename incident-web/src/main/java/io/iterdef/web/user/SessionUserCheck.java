package io.iterdef.web.user;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps logged-in sessions in step with the users table: a user an admin disables (or deletes) is logged out
 * at their next request, and a changed role takes effect at the next request instead of the next login.
 * Checks form-login sessions only (their authentication carries {@link WebAuthenticationDetails}). Not a bean
 * (a Filter bean would run on every request, the API's too); SecurityConfiguration adds it to the pages' chain.
 */
public class SessionUserCheck extends OncePerRequestFilter {

	private final Supplier<ActiveUsers> activeUsers;

	/** @param activeUsers the users table's view; null (as in MVC slice tests without it): nothing is checked */
	public SessionUserCheck(Supplier<ActiveUsers> activeUsers) {
		this.activeUsers = activeUsers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		ActiveUsers users = activeUsers.get();
		if (users != null && auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()
				&& auth.getDetails() instanceof WebAuthenticationDetails) {
			Optional<Role> role = users.activeRole(auth.getName());
			if (role.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/login?disabled");
				return;
			}
			if (Role.highest(auth).orElse(null) != role.get()) {
				UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
						auth.getPrincipal(), null, AuthorityUtils.createAuthorityList(role.get().authority()));
				updated.setDetails(auth.getDetails());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(updated);
				SecurityContextHolder.setContext(context);
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
				}
			}
		}
		chain.doFilter(request, response);
	}

}
