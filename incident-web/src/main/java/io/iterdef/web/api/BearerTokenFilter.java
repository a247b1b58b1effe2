package io.iterdef.web.api;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates /api/** requests by "Authorization: Bearer itd_...". No header: the request goes on
 * unauthenticated (and the entry point answers 401). A header that is not a valid bearer token: 401 here.
 * Not a bean on purpose (a Filter bean would also be registered for every request by Spring Boot);
 * SecurityConfiguration adds it to the API filter chain.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "bearer ";

	private final Function<String, Optional<Authentication>> tokens;

	/** @param tokens the authentication of a token secret, empty when it is not valid */
	public BearerTokenFilter(Function<String, Optional<Authentication>> tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			chain.doFilter(request, response);
			return;
		}
		if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			ApiErrors.unauthorized(response, "The API takes bearer tokens only ('Authorization: Bearer itd_...').",
					"invalid_request");
			return;
		}
		Optional<Authentication> authentication = tokens.apply(header.substring(BEARER.length()).strip());
		if (authentication.isEmpty()) {
			ApiErrors.invalidToken(response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication.get());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
