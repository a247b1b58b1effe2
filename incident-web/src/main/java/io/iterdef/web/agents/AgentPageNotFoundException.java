package io.iterdef.web.agents;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No agent, task, upload or hunt with the given id: 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AgentPageNotFoundException extends RuntimeException {

	public AgentPageNotFoundException(String message) {
		super(message);
	}

}
