package io.iterdef.web.agents;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Reading a stored result ({"data": ..., "uploads": [...]}) for the task page: a process list as rows. */
final class TaskResults {

	/** One process of a process.list result; every value as text (the page escapes it). */
	record Process(String pid, String ppid, String user, String executable, String commandLine) {
	}

	private TaskResults() {
	}

	/** The processes of a process.list result; empty for other types or a result without them. */
	static List<Process> processes(ObjectMapper json, String type, String result) {
		if (!"process.list".equals(type) || result == null || result.isBlank()) {
			return List.of();
		}
		try {
			Object stored = json.readValue(result, Object.class);
			if (stored instanceof Map<?, ?> map && map.get("data") instanceof Map<?, ?> data
					&& data.get("processes") instanceof List<?> list) {
				return list.stream().filter(Map.class::isInstance).map(p -> process((Map<?, ?>) p)).toList();
			}
		}
		catch (JacksonException ex) {
			// not JSON: the page shows the raw text
		}
		return List.of();
	}

	private static Process process(Map<?, ?> p) {
		return new Process(text(p.get("pid")), text(p.get("ppid")), text(p.get("user")), text(p.get("executable")),
				text(p.get("commandLine")));
	}

	private static String text(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

}
