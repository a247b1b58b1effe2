package io.iterdef.agent.server.hunt;

import io.iterdef.agent.server.system.ApiException;

import org.springframework.http.HttpStatus;

/** The person acting on the admin API: the X-Iterdef-Actor header, which becomes requested_by / approved_by. */
final class Actor {

	static final String HEADER = "X-Iterdef-Actor";

	private Actor() {
	}

	/** The header's value, stripped; 400 when it is missing, blank or longer than 200 characters. */
	static String of(String header) {
		if (header == null || header.isBlank()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "no " + HEADER + " header",
					"send " + HEADER + ": <the user name of the person acting>");
		}
		String actor = header.strip();
		if (actor.length() > 200) {
			throw new ApiException(HttpStatus.BAD_REQUEST, HEADER + " is longer than 200 characters",
					"send the user name of the person acting");
		}
		return actor;
	}

}
