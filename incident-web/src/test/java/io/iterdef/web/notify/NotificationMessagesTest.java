package io.iterdef.web.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMessagesTest {

	private final IncidentSummary incident = new IncidentSummary(42, "Encoded PowerShell on wkstn-1", "high", "new",
			"rule-1", "wkstn-1");

	@Test
	void shouldNameLevelIncidentAndLinkWhenEscalating() {
		NotificationMessages.Message m = NotificationMessages.of(incident, "escalation", 2, 0, "not acknowledged",
				"https://iterdef.example.org/");

		assertThat(m.subject()).isEqualTo("[Iterdef] Escalation level 2: #42 Encoded PowerShell on wkstn-1 (high)");
		assertThat(m.body()).contains("https://iterdef.example.org/incidents/42").contains("Why: not acknowledged");
		assertThat(m.payload()).containsEntry("incident_id", 42L)
			.containsEntry("title", "Encoded PowerShell on wkstn-1")
			.containsEntry("severity", "high")
			.containsEntry("status", "new")
			.containsEntry("level", 2)
			.containsEntry("url", "https://iterdef.example.org/incidents/42")
			.containsEntry("reason", "not acknowledged");
	}

	@Test
	void shouldSayRepeatAndSlaKindWhenGiven() {
		assertThat(NotificationMessages.of(incident, "escalation", 1, 2, "r", "http://h").subject())
			.startsWith("[Iterdef] Escalation level 1 (repeat 2):");
		assertThat(NotificationMessages.of(incident, "sla_breach", null, null, "r", "http://h").subject())
			.startsWith("[Iterdef] SLA breach:");
	}

}
