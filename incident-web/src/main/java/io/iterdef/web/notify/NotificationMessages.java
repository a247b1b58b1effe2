package io.iterdef.web.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/** The subject, mail text and webhook JSON fields of a notification. */
final class NotificationMessages {

	record Message(String subject, String body, Map<String, Object> payload) {
	}

	private NotificationMessages() {
	}

	static Message of(IncidentSummary incident, String kind, Integer level, Integer round, String reason,
			String publicUrl) {
		String url = incidentUrl(publicUrl, incident.id());
		String what = switch (kind) {
			case "escalation" -> "Escalation level " + level + (round != null && round > 0 ? " (repeat " + round + ")" : "");
			case "sla_warning" -> "SLA warning";
			case "sla_breach" -> "SLA breach";
			default -> kind;
		};
		String subject = "[Iterdef] " + what + ": #" + incident.id() + " " + incident.title() + " (" + incident.severity()
				+ ")";
		String body = what + "\n\n" + "Incident #" + incident.id() + ": " + incident.title() + "\n" + "Severity: "
				+ incident.severity() + "\n" + "Status: " + incident.status() + "\n" + "Rule: " + incident.ruleId() + "\n"
				+ (incident.hostName() == null ? "" : "Host: " + incident.hostName() + "\n") + "Why: " + reason + "\n\n"
				+ "Open it: " + url + "\n";
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", kind);
		payload.put("incident_id", incident.id());
		payload.put("title", incident.title());
		payload.put("severity", incident.severity());
		payload.put("status", incident.status());
		payload.put("rule_id", incident.ruleId());
		payload.put("host", incident.hostName());
		payload.put("level", level);
		payload.put("round", round);
		payload.put("url", url);
		payload.put("reason", reason);
		payload.put("text", subject + " " + url);
		return new Message(subject, body, payload);
	}

	static String incidentUrl(String publicUrl, long id) {
		String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		return base + "/incidents/" + id;
	}

}
