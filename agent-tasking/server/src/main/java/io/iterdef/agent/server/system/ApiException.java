package io.iterdef.agent.server.system;

import org.springframework.http.HttpStatus;

/** A refusal of the agent API: the status, what was wrong and what to do (an ErrorResponse on the wire). */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String hint;

	public ApiException(HttpStatus status, String error, String hint) {
		super(error);
		this.status = status;
		this.hint = hint;
	}

	public HttpStatus status() {
		return status;
	}

	public String hint() {
		return hint;
	}

}
