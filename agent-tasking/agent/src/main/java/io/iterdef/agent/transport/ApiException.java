package io.iterdef.agent.transport;

import java.io.IOException;

/** The server answered with an error status; the message carries its ErrorResponse (what was wrong, what to do). */
public class ApiException extends IOException {

	private final int status;

	public ApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return status;
	}

	/** 401: the credential is missing, wrong or revoked; the agent enrolls again. */
	public boolean unauthorized() {
		return status == 401;
	}

}
