package io.iterdef.web.agents;

/**
 * The agent server refused a change, or could not be asked: its own error text (what was wrong) and hint (what
 * to do), shown to the user as they are.
 */
public class AgentServerException extends RuntimeException {

	private final int status;

	private final String hint;

	public AgentServerException(int status, String error, String hint) {
		super(error);
		this.status = status;
		this.hint = hint == null ? "" : hint;
	}

	/** The HTTP status of the agent server's answer; 503 when it could not be reached or configured. */
	public int status() {
		return status;
	}

	public String error() {
		return getMessage();
	}

	public String hint() {
		return hint;
	}

	/** "error: hint" (or just the error), for a flash message. */
	public String userMessage() {
		return hint.isBlank() ? getMessage() : getMessage() + ": " + hint;
	}

}
