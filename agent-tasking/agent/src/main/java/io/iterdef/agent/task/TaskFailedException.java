package io.iterdef.agent.task;

/** A task cannot do what it was asked (file missing, budget spent...): its message becomes the failed result's error. */
public class TaskFailedException extends RuntimeException {

	public TaskFailedException(String message) {
		super(message);
	}

}
