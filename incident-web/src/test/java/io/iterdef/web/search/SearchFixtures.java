package io.iterdef.web.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECS events the way the indexer stores them (see ./iterdef decode), for the search ITs and browser test. */
public final class SearchFixtures {

	private SearchFixtures() {
	}

	/** One event; null arguments leave the field out. */
	public static Map<String, Object> event(String id, Instant at, String host, String code, String user,
			String processName, String commandLine, Integer pid, String tag) {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("@timestamp", at.toString());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id);
		event.put("code", code);
		event.put("kind", "event");
		event.put("provider", code.length() == 4 ? "Microsoft-Windows-Security-Auditing" : "Microsoft-Windows-Sysmon");
		event.put("action", code.length() == 4 ? "logon-" + code : "Process creation");
		event.put("ingested", at.plusSeconds(2).toString());
		event.put("category", List.of("process"));
		e.put("event", event);
		e.put("host", Map.of("name", host));
		e.put("winlog", Map.of("channel", code.length() == 4 ? "Security" : "Microsoft-Windows-Sysmon/Operational",
				"event_id", code, "record_id", id.substring(Math.max(0, id.length() - 6))));
		if (user != null) {
			e.put("user", Map.of("name", user, "domain", "CORP"));
		}
		Map<String, Object> process = new LinkedHashMap<>();
		if (processName != null) {
			process.put("name", processName);
			process.put("executable", "C:\\Windows\\System32\\" + processName);
		}
		if (commandLine != null) {
			process.put("command_line", commandLine);
		}
		if (pid != null) {
			process.put("pid", pid);
			process.put("entity_id", "{" + id + "-" + pid + "}");
		}
		if (!process.isEmpty()) {
			e.put("process", process);
		}
		e.put("tags", List.of(tag));
		return e;
	}

	/** {@code count} filler events on one host, one per second from {@code start}. */
	public static List<Map<String, Object>> many(String prefix, Instant start, String host, int count, String tag) {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(event(prefix + "-" + String.format("%04d", i), start.plusSeconds(i), host, "4688", "svc_batch",
					"conhost.exe", "conhost.exe 0x" + i, 10000 + i, tag));
		}
		return events;
	}

}
