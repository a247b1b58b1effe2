package io.iterdef.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import io.iterdef.web.user.Role;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's error bodies, {"error": "...", "hint": "..."}, also written by the security filters (401 with
 * WWW-Authenticate, 403) before any controller runs.
 */
public final class ApiErrors {

	static final String TOKEN_HINT = "Create a token at /account/tokens and send it as 'Authorization: Bearer itd_...'.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiErrors() {
	}

	/** 401 for a request without any token. */
	public static AuthenticationEntryPoint missingToken() {
		return (request, response, ex) -> unauthorized(response, "This API needs an API token.", null);
	}

	/** 403 for a role that may not make the request. */
	public static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String role = Role.highest(auth).map(Role::dbValue).orElse("none");
			write(response, HttpServletResponse.SC_FORBIDDEN, "Your role (" + role + ") may not do this.",
					"Ask a lead or an admin, or use a token of a user with a higher role.");
		};
	}

	static void invalidToken(HttpServletResponse response) throws IOException {
		// The same answer for an unknown, revoked or expired token and a disabled user: it tells nothing more.
		unauthorized(response, "The API token is not valid (unknown, revoked or expired, or its user is disabled).",
				"invalid_token");
	}

	static void unauthorized(HttpServletResponse response, String error, String bearerError) throws IOException {
		response.setHeader("WWW-Authenticate",
				"Bearer realm=\"iterdef\"" + (bearerError == null ? "" : ", error=\"" + bearerError + "\""));
		write(response, HttpServletResponse.SC_UNAUTHORIZED, error, TOKEN_HINT);
	}

	static void write(HttpServletResponse response, int status, String error, String hint) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(JSON.writeValueAsString(body(error, hint)));
	}

	static Map<String, Object> body(String error, String hint) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("hint", hint);
		return body;
	}

}
