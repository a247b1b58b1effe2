package io.iterdef.web.incident;

/**
 * A workflow step that does not fit the incident's state (acknowledging a resolved incident, merging into
 * itself, ...). The message says what was wrong and what to do; pages show it as a flash message, the API
 * answers 409 with it.
 */
public class WorkflowException extends IllegalStateException {

	public WorkflowException(String message) {
		super(message);
	}

}
