package io.iterdef.web.hosts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Events shaped like the ones the indexer stores for decoded Sysmon and Security records (see
 * {@code ./iterdef decode sample-events/.../encoded-powershell-recon.ndjson}), on a random host so tests never see
 * each other's documents; and alerts over them, published to iterdef.alerts so the application makes incidents
 * of them the way it does in production. Used by HostTimelineIT and HostTimelineBrowserIT.
 */
public final class HostFixtures {

	private static final String SYSMON = "Microsoft-Windows-Sysmon";

	private static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";

	/** A random host name, {@code it-<uuid>.corp}. */
	public static String randomHost() {
		return "it-" + UUID.randomUUID() + ".corp";
	}

	/** A random event id (the indexer's are SHA-1 hex; any unique string works as _id). */
	public static String eventId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private HostFixtures() {
	}

	private static Map<String, Object> base(String host, String id, Instant time, String code, String provider,
			String channel, String action, List<String> category, List<String> type) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id);
		event.put("code", code);
		event.put("provider", provider);
		event.put("kind", "event");
		event.put("module", SYSMON.equals(provider) ? "sysmon" : "security");
		event.put("ingested", time.plusSeconds(2).toString());
		event.put("category", category);
		event.put("type", type);
		event.put("action", action);
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("@timestamp", time.toString());
		doc.put("event", event);
		doc.put("host", Map.of("name", host));
		doc.put("winlog", Map.of("channel", channel, "event_id", code, "computer_name", host.toUpperCase()));
		doc.put("user", Map.of("name", "jdoe", "domain", "CORP"));
		return doc;
	}

	private static Map<String, Object> process(String guid, long pid, String image) {
		Map<String, Object> process = new LinkedHashMap<>();
		process.put("entity_id", guid);
		process.put("pid", pid);
		process.put("executable", image);
		process.put("name", image.substring(image.lastIndexOf('\\') + 1));
		return process;
	}

	/** Sysmon 1: a process creation, with its parent's guid and pid. */
	public static Map<String, Object> processStart(String host, String id, Instant time, String guid, long pid,
			String parentGuid, long parentPid, String image, String commandLine) {
		Map<String, Object> doc = base(host, id, time, "1", SYSMON, SYSMON_CHANNEL, "Process creation",
				List.of("process"), List.of("start"));
		Map<String, Object> process = process(guid, pid, image);
		process.put("command_line", commandLine);
		process.put("hash", Map.of("sha256", Integer.toHexString(image.hashCode()) + "aa11"));
		process.put("parent", Map.of("entity_id", parentGuid, "pid", parentPid));
		doc.put("process", process);
		return doc;
	}

	/** Sysmon 3: a network connection by the process. */
	public static Map<String, Object> network(String host, String id, Instant time, String guid, long pid, String image,
			String destinationIp, int port) {
		Map<String, Object> doc = base(host, id, time, "3", SYSMON, SYSMON_CHANNEL, "Network connection",
				List.of("network"), List.of("start", "connection"));
		doc.put("process", process(guid, pid, image));
		doc.put("network", Map.of("transport", "tcp", "direction", "egress"));
		doc.put("source", Map.of("ip", "10.20.4.37", "port", 50112));
		doc.put("destination", Map.of("ip", destinationIp, "port", port));
		return doc;
	}

	/** Sysmon 11: a file created by the process. */
	public static Map<String, Object> fileCreate(String host, String id, Instant time, String guid, long pid,
			String image, String path) {
		Map<String, Object> doc = base(host, id, time, "11", SYSMON, SYSMON_CHANNEL, "File created", List.of("file"),
				List.of("creation"));
		doc.put("process", process(guid, pid, image));
		doc.put("file", Map.of("path", path));
		return doc;
	}

	/** Sysmon 13: a registry value set by the process. */
	public static Map<String, Object> registry(String host, String id, Instant time, String guid, long pid,
			String image, String key, String value) {
		Map<String, Object> doc = base(host, id, time, "13", SYSMON, SYSMON_CHANNEL, "Registry value set",
				List.of("registry"), List.of("change"));
		doc.put("process", process(guid, pid, image));
		doc.put("registry", Map.of("path", key, "data", Map.of("strings", List.of(value))));
		return doc;
	}

	/** Security 4624: a logon, no process. */
	public static Map<String, Object> logon(String host, String id, Instant time) {
		Map<String, Object> doc = base(host, id, time, "4624", "Microsoft-Windows-Security-Auditing", "Security",
				"logged-in", List.of("authentication"), List.of("start"));
		doc.put("source", Map.of("ip", "10.20.4.61"));
		return doc;
	}

	/**
	 * Publishes an alert of the rule on the host over the given events (its event_ids and matched events) and
	 * waits until the application has stored it; returns its incident id.
	 */
	public static long publishAlert(ObjectMapper json, KafkaTemplate<String, String> kafka, JdbcClient jdbc,
			String alertId, String ruleId, String ruleName, String host, Instant time, List<Map<String, Object>> events)
			throws Exception {
		Map<String, Object> alert = new LinkedHashMap<>();
		alert.put("id", alertId);
		alert.put("@timestamp", time.toString());
		alert.put("rule", Map.of("id", ruleId, "name", ruleName, "severity", "high", "tactic", "execution", "attack",
				List.of("T1059.001"), "description", "host timeline test"));
		alert.put("host", Map.of("name", host));
		alert.put("group_key", host);
		alert.put("event_ids", events.stream().map(e -> ((Map<?, ?>) e.get("event")).get("id")).toList());
		alert.put("events", events);
		kafka.send("iterdef.alerts", alertId, json.writeValueAsString(alert)).get();
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql("SELECT incident_id FROM alerts WHERE id = ?")
				.param(alertId)
				.query(Long.class)
				.optional()
				.orElse(null), id -> id != null);
	}

}
