package io.iterdef.web.browser;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Alerts for the browser tests, in the contract's shape (as the detect topology writes them), published to
 * iterdef.alerts so the application turns them into incidents the way it does in production.
 */
final class BrowserAlerts {

	static final String TOPIC = "iterdef.alerts";

	private final ObjectMapper json;

	private final KafkaTemplate<String, String> kafka;

	private final JdbcClient jdbc;

	BrowserAlerts(ObjectMapper json, KafkaTemplate<String, String> kafka, JdbcClient jdbc) {
		this.json = json;
		this.kafka = kafka;
		this.jdbc = jdbc;
	}

	/** One alert of the rule on the host with one Sysmon process event whose command line is given. */
	String alert(String alertId, String ruleId, String ruleName, String severity, String host, Instant time,
			String commandLine) {
		String eventId = "ev-" + alertId;
		ObjectNode alert = json.createObjectNode();
		alert.put("id", alertId);
		alert.put("@timestamp", time.toString());
		ObjectNode rule = alert.putObject("rule");
		rule.put("id", ruleId);
		rule.put("name", ruleName);
		rule.put("severity", severity);
		rule.put("tactic", "execution");
		rule.putArray("attack").add("T1059.001");
		rule.put("description", "browser test");
		alert.putObject("host").put("name", host);
		alert.put("group_key", host);
		alert.putArray("event_ids").add(eventId);
		ObjectNode event = alert.putArray("events").addObject();
		event.put("@timestamp", time.toString());
		event.putObject("event").put("id", eventId).put("code", "1").put("provider", "Microsoft-Windows-Sysmon");
		event.putObject("host").put("name", host);
		event.putObject("user").put("name", "pgustavo").put("domain", "THESHIRE");
		ObjectNode process = event.putObject("process");
		process.put("pid", 2316).put("name", "powershell.exe").put("command_line", commandLine);
		process.putObject("parent").put("pid", 2440).put("name", "wscript.exe");
		return json.writeValueAsString(alert);
	}

	/** Publishes the alert and waits until the application has stored it; returns its incident id. */
	long publishAndAwaitIncident(String alertId, String alertJson) throws Exception {
		kafka.send(TOPIC, alertId, alertJson).get();
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql("SELECT incident_id FROM alerts WHERE id = ?")
				.param(alertId)
				.query(Long.class)
				.optional()
				.orElse(null), id -> id != null);
	}

}
