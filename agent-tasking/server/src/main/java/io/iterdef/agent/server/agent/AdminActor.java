package io.iterdef.agent.server.agent;

import io.iterdef.agent.server.system.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The person acting on the admin API: the {@value #HEADER} header every POST carries (incident-web sends the
 * signed-in user). It becomes a task's requested_by or approved_by, so it is checked here, once.
 */
public final class AdminActor {

	public static final String HEADER = "X-Iterdef-Actor";

	static final int MAX_LENGTH = 200;

	private AdminActor() {
	}

	/** The actor of {@code header}, else {@code fallback} (may be null); 400 when neither names somebody. */
	public static String require(String header, String fallback) {
		String actor = header != null && !header.isBlank() ? header.strip()
				: fallback != null && !fallback.isBlank() ? fallback.strip() : null;
		if (actor == null) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "no " + HEADER + " header",
					"send " + HEADER + ": <user name> of the person acting");
		}
		if (actor.length() > MAX_LENGTH || actor.chars().anyMatch(Character::isISOControl)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "bad " + HEADER + " header",
					"a user name of 1 to " + MAX_LENGTH + " characters without control characters");
		}
		return actor;
	}

	/** The actor of {@code header}; 400 when missing. */
	public static String require(String header) {
		return require(header, null);
	}

}
