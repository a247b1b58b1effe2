package io.iterdef.web.alert;

import java.time.Instant;

/** Alert JSON in the contract's shape, for tests. */
final class TestAlerts {

	private TestAlerts() {
	}

	static String alert(String id, String ruleId, String severity, String host, Instant time, String commandLine) {
		String eventId = "ev-" + id;
		return """
				{"id":"%s","@timestamp":"%s",
				 "rule":{"id":"%s","name":"Encoded PowerShell command line","severity":"%s","tactic":"execution",
				         "attack":["T1059.001"],"description":"test"},
				 "host":{"name":"%s"},"group_key":"%s","event_ids":["%s"],
				 "events":[{"@timestamp":"%s","event":{"id":"%s","code":"1","provider":"Microsoft-Windows-Sysmon"},
				            "host":{"name":"%s"},"user":{"name":"pgustavo","domain":"THESHIRE"},
				            "process":{"pid":2316,"name":"powershell.exe","command_line":"%s",
				                       "parent":{"pid":2440,"name":"wscript.exe"}}}]}"""
			.formatted(id, time, ruleId, severity, host, host, eventId, time, eventId, host, commandLine);
	}

	/** The same alert JSON carrying a suppressed-match count, as the detect topology sends it again. */
	static String withSuppressed(String alertJson, long count, Instant lastSuppressed) {
		return alertJson.replaceFirst("\\{", "{\"suppressed_count\":" + count + ",\"last_suppressed_at\":\""
				+ lastSuppressed + "\",");
	}

}
