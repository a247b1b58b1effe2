package io.iterdef.agent.protocol;

import java.util.List;

/** The tasks leased to the agent (possibly none) and when to poll next. */
public record PollResponse(List<TaskAssignment> tasks, int nextPollSeconds) {

	public PollResponse {
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
	}

}
