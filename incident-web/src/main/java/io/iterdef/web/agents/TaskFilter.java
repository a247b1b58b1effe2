package io.iterdef.web.agents;

import java.util.UUID;

/**
 * The filters of the task list (all optional): state, type, host name (exact), source ("analyst", "rule",
 * "hunt"), hunt, agent, incident.
 */
public record TaskFilter(String state, String type, String host, String source, UUID hunt, UUID agent, Long incident) {

	public TaskFilter {
		state = blankToNull(state);
		type = blankToNull(type);
		host = blankToNull(host);
		source = blankToNull(source);
	}

	public static TaskFilter none() {
		return new TaskFilter(null, null, null, null, null, null, null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
