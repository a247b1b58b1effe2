package io.iterdef.web.browser;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's day in the browser: sign in, open the list, filter it, acknowledge, add a note, resolve as a
 * false positive, and read the audit log. Written against the incident pages' DOM contract (form#incident-filter,
 * table#incidents, #incident-status, button#acknowledge, form#note-form, form#resolve-form, table#audit-log).
 */
class IncidentFlowBrowserIT extends BrowserSupport {

	private static final String PASSWORD = "analyst-password";

	private static final String NOTE = "**bold** <b>not html</b>";

	@Autowired
	private ObjectMapper json;

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void shouldAcknowledgeNoteAndResolveAsFalsePositiveWhenAnAnalystWorksAnIncident() throws Exception {
		String ruleId = "it-browser-flow-" + UUID.randomUUID();
		String alertId = ruleId + "-a1";
		BrowserAlerts alerts = new BrowserAlerts(json, kafka, jdbc);
		long incidentId = alerts.publishAndAwaitIncident(alertId, alerts.alert(alertId, ruleId,
				"Encoded PowerShell command line", "high", "wkstn-flow.corp.local", Instant.now(),
				"powershell -enc SQBFAFgA"));
		login(createUser("analyst", PASSWORD), PASSWORD);

		// the list, filtered by the rule: exactly this incident
		browser().get(url("/incidents"));
		WebElement filter = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form#incident-filter")));
		filter.findElement(By.name("rule")).sendKeys(ruleId);
		new Select(filter.findElement(By.name("status"))).selectByValue("open");
		filter.findElement(By.id("apply-filter")).click();
		waitFor().until(ExpectedConditions.urlContains(ruleId));
		List<WebElement> rows = browser().findElements(By.cssSelector("table#incidents tr[data-incident-id]"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getDomAttribute("data-incident-id")).isEqualTo(Long.toString(incidentId));

		// open it and acknowledge
		rows.get(0).findElement(By.cssSelector("a.incident-link")).click();
		waitFor().until(ExpectedConditions.urlToBe(url("/incidents/" + incidentId)));
		assertThat(browser().findElement(By.id("incident-status")).getText()).isEqualTo("new");
		browser().findElement(By.id("acknowledge")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("incident-status"), "acknowledged"));
		assertThat(browser().findElement(By.cssSelector("div.flash")).isDisplayed()).isTrue();

		// a Markdown note: rendered bold, raw HTML shown as text
		WebElement noteForm = browser().findElement(By.cssSelector("form#note-form"));
		noteForm.findElement(By.cssSelector("textarea[name=body]")).sendKeys(NOTE);
		noteForm.findElement(By.id("add-note")).click();
		WebElement note = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.note")));
		assertThat(note.findElement(By.tagName("strong")).getText()).isEqualTo("bold");
		assertThat(note.getText()).contains("<b>not html</b>");
		assertThat(note.findElements(By.tagName("b"))).isEmpty();

		// resolve as a false positive
		WebElement resolveForm = browser().findElement(By.cssSelector("form#resolve-form"));
		new Select(resolveForm.findElement(By.name("resolution"))).selectByValue("false_positive");
		resolveForm.findElement(By.id("resolve")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("incident-status"), "resolved"));
		assertThat(browser().findElement(By.id("incident-resolution")).getText()).containsIgnoringCase("false")
			.containsIgnoringCase("positive");

		// every step in the audit log (an entry's data-action when it has one, else its text)
		List<String> actions = browser().findElements(By.cssSelector("table#audit-log tr.audit-entry"))
			.stream()
			.map(entry -> entry.getDomAttribute("data-action") != null ? entry.getDomAttribute("data-action")
					: entry.getText())
			.map(String::toLowerCase)
			.toList();
		assertThat(actions).anySatisfy(action -> assertThat(action).contains("acknowledge"))
			.anySatisfy(action -> assertThat(action).contains("note"))
			.anySatisfy(action -> assertThat(action).contains("resolve"));
		assertThat(scriptErrors()).isEmpty();
	}

}
