package io.iterdef.web.browser;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** An event field holding markup is shown as text on the incident page: nothing of it runs or becomes DOM. */
class EventEscapingBrowserIT extends BrowserSupport {

	static final String PAYLOAD = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

	@Autowired
	private ObjectMapper json;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldRenderAScriptInAnEventFieldAsTextWhenTheIncidentIsOpened() throws Exception {
		String ruleId = "it-browser-xss-" + UUID.randomUUID();
		String alertId = ruleId + "-a1";
		BrowserAlerts alerts = new BrowserAlerts(json, kafka, jdbc);
		long incidentId = alerts.publishAndAwaitIncident(alertId, alerts.alert(alertId, ruleId,
				"Encoded PowerShell command line", "high", "wkstn-xss.corp.local", Instant.now(), PAYLOAD));

		login(ADMIN, ADMIN_PASSWORD);
		browser().get(url("/incidents/" + incidentId));
		waitFor().until(d -> "complete".equals(script("return document.readyState")));

		assertThat(browser().findElement(By.tagName("h1")).getText()).contains("Incident " + incidentId);
		assertThat(browser().findElement(By.tagName("body")).getText()).as("the markup shown as text")
			.contains(PAYLOAD);
		assertThat(script("var want = arguments[0]; return Array.from(document.querySelectorAll('td'))"
				+ ".some(function (td) { return td.textContent === want; })", PAYLOAD))
			.as("one table cell holds exactly the field's text")
			.isEqualTo(true);
		assertThat(script("return typeof window.__xss")).as("window.__xss").isEqualTo("undefined");
		assertThat(script("return Array.from(document.scripts)"
				+ ".filter(function (s) { return s.textContent.indexOf('__xss') >= 0; }).length")).isEqualTo(0L);
		assertThat(script("return document.querySelectorAll('img[onerror]').length")).isEqualTo(0L);
		assertThat(scriptErrors()).isEmpty();
	}

}
