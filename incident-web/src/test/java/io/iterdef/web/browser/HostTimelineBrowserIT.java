package io.iterdef.web.browser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.web.es.EsFixtures;
import io.iterdef.web.hosts.HostFixtures;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static io.iterdef.web.hosts.HostFixtures.eventId;
import static io.iterdef.web.hosts.HostFixtures.network;
import static io.iterdef.web.hosts.HostFixtures.processStart;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * From an incident to its host's timeline in a real browser: the alert's timeline link opens the host view at the
 * alert's time, with the process tree (the alert's event highlighted under its process, the rule in the alert strip),
 * "later" moves the window, and a command line carrying a script tag is shown as text.
 */
class HostTimelineBrowserIT extends BrowserSupport {

	private static final String PASSWORD = "timeline-password";

	private static final String SCRIPT = "<script>window.__xss=1</script>";

	@Autowired
	private ObjectMapper json;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	@Test
	void shouldOpenTheHostTimelineFromTheIncidentWithTheAlertedEventHighlightedWhenTheLinkIsClicked() throws Exception {
		String host = HostFixtures.randomHost();
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
		String wscript = "{" + UUID.randomUUID() + "}";
		String ps = "{" + UUID.randomUUID() + "}";
		String later = "{" + UUID.randomUUID() + "}";
		String psImage = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
		Map<String, Object> wscriptStart = processStart(host, eventId(), at.minusSeconds(40), wscript, 5032, "{explorer}",
				3964, "C:\\Windows\\System32\\wscript.exe", "wscript.exe invoice.vbs");
		Map<String, Object> psStart = processStart(host, eventId(), at.minusSeconds(30), ps, 6120, wscript, 5032, psImage,
				"powershell -enc SQBFAFgA " + SCRIPT);
		Map<String, Object> psNet = network(host, eventId(), at.minusSeconds(20), ps, 6120, psImage, "198.51.100.23", 443);
		Map<String, Object> laterStart = processStart(host, eventId(), at.plus(20, ChronoUnit.MINUTES), later, 7004, ps,
				6120, "C:\\Windows\\System32\\whoami.exe", "whoami /all");
		new EsFixtures(client, rest).indexEvents(List.of(wscriptStart, psStart, psNet, laterStart));
		String ruleId = "it-browser-timeline-" + UUID.randomUUID();
		String ruleName = "Encoded PowerShell " + ruleId.substring(ruleId.length() - 6);
		long incidentId = HostFixtures.publishAlert(json, kafka, jdbc, ruleId + "-a1", ruleId, ruleName, host, at,
				List.of(psStart));
		String alertedEvent = (String) ((Map<?, ?>) psStart.get("event")).get("id");
		login(createUser("analyst", PASSWORD), PASSWORD);

		browser().get(url("/incidents/" + incidentId));
		waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.timeline-link"))).click();
		waitFor().until(ExpectedConditions.urlContains("/hosts/" + host));

		// the strip names the alert's rule and links its incident
		WebElement strip = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-strip")));
		assertThat(strip.findElement(By.cssSelector(".rule-name")).getText()).isEqualTo(ruleName);
		assertThat(strip.findElement(By.cssSelector("a.incident-link")).getDomAttribute("href"))
			.isEqualTo("/incidents/" + incidentId);
		// the tree: powershell under wscript, its start highlighted with the rule, its connection not
		WebElement psNode = browser().findElement(By.cssSelector("#process-tree div.process[data-entity-id='" + wscript
				+ "'] ul.children div.process[data-entity-id='" + ps + "']"));
		WebElement alerted = psNode.findElement(By.cssSelector("li.host-event.alerted"));
		assertThat(alerted.getDomAttribute("data-event-id")).isEqualTo(alertedEvent);
		assertThat(alerted.findElement(By.cssSelector(".alert-mark .rule-name")).getText()).isEqualTo(ruleName);
		assertThat(psNode.findElements(By.cssSelector("li.host-event"))).hasSize(2);
		// the script in the command line is text, never run
		assertThat(psNode.findElement(By.cssSelector("code.cmdline")).getText()).endsWith(SCRIPT);
		assertThat(script("return window.__xss === undefined")).isEqualTo(true);
		assertThat(browser().findElements(By.cssSelector("li.host-event[data-code='1'] .event-summary")))
			.extracting(WebElement::getText)
			.noneMatch(text -> text.contains("whoami"));
		assertThat(browser().findElement(By.id("host-search")).getDomAttribute("href")).startsWith("/search?q=host.name");

		// later: the window moves by its half-width; whoami (20 minutes on) comes in, the alerted start goes out
		String firstAt = browser().findElement(By.id("window-at")).getText();
		browser().findElement(By.id("later")).click();
		waitFor().until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("window-at"), firstAt)));
		assertThat(browser().findElement(By.id("window-at")).getText()).isEqualTo(at.plus(15, ChronoUnit.MINUTES).toString());
		assertThat(browser().findElements(By.cssSelector("div.process[data-entity-id='" + later + "']"))).hasSize(1);
		assertThat(browser().findElements(By.cssSelector("li.host-event[data-event-id='" + alertedEvent + "']"))).isEmpty();
		assertThat(scriptErrors()).isEmpty();
	}

}
