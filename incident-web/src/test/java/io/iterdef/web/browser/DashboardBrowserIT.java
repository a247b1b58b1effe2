package io.iterdef.web.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.web.es.EsFixtures;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser, on a random host's events (the page's filter keeps other tests' data out):
 * every chart draws, the lag and the dead-letter count show, a top host links to the search, and a preset
 * changes the range.
 */
class DashboardBrowserIT extends BrowserSupport {

	private static final List<String> CHARTS = List.of("chart-channels", "chart-codes", "chart-hosts",
			"chart-alert-rules", "chart-alert-severities");

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	private final String host = "it-" + UUID.randomUUID() + ".corp";

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private void indexFixtures() {
		List<Map<String, Object>> events = new ArrayList<>();
		// the newest event two minutes ago; one event three hours ago (only in the 24 h range). Each arrived
		// (event.ingested) a minute after its time, so the lags read "2 min …" and "1 min …" for the whole minute
		// after now, however long the login and the clicks take (with 5 s, any run slower than 5 s read "2 min").
		int[] minutesAgo = { 40, 30, 30, 10, 2, 180 };
		String[] channels = { "Security", "Security", "Microsoft-Windows-Sysmon/Operational", "System", "Security",
				"Security" };
		for (int i = 0; i < minutesAgo.length; i++) {
			Instant time = now.minus(minutesAgo[i], ChronoUnit.MINUTES);
			events.add(Map.of("@timestamp", time.toString(), "event",
					Map.of("id", "it-" + UUID.randomUUID(), "code", i % 2 == 0 ? "4624" : "1", "ingested",
							time.plusSeconds(60).toString()),
					"host", Map.of("name", host), "winlog", Map.of("channel", channels[i])));
		}
		EsFixtures fixtures = new EsFixtures(client, rest);
		fixtures.indexEvents(events);
		fixtures.indexAlerts(List.of(Map.of("id", "it-alert-" + UUID.randomUUID(), "@timestamp",
				now.minus(30, ChronoUnit.MINUTES).toString(), "host", Map.of("name", host), "rule",
				Map.of("id", "it-rule", "name", "Browser dashboard rule", "severity", "high"))));
	}

	@Test
	void shouldDrawEveryChartAndShowTheLagAndTheDeadLetterCount() {
		indexFixtures();
		login(createUser("analyst", "dashboard-password"), "dashboard-password");
		String filter = "host.name:\"" + host + "\"";

		browser().get(url("/incidents"));
		browser().findElement(By.linkText("Dashboard")).click();
		waitFor().until(ExpectedConditions.urlContains("/dashboard"));
		browser().findElement(By.cssSelector("#dashboard-filter option[value='1h']")).click();
		browser().findElement(By.name("q")).sendKeys(filter);
		browser().findElement(By.id("apply-dashboard")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("dashboard-filter-text"), filter));

		for (String chart : CHARTS) {
			waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
		}
		assertThat(browser().findElement(By.id("events-total")).getText()).isEqualTo("5");
		assertThat(browser().findElement(By.id("alerts-total")).getText()).isEqualTo("1");
		assertThat(browser().findElement(By.id("event-lag")).getText()).matches("2 min( \\d+ s)?");
		assertThat(browser().findElement(By.id("ingest-lag")).getText()).matches("1 min( \\d+ s)?");
		assertThat(browser().findElement(By.id("dlq-count")).getText()).matches("\\d+.*");
		assertThat(browser().findElement(By.cssSelector("#channels tr[data-key=Security] .count")).getText())
			.isEqualTo("3");
		assertThat(browser().findElement(By.cssSelector("#hosts a.host-search")).getAttribute("href"))
			.contains("/search?q=host.name:%22" + host + "%22&from=now-1h&to=now");
		assertThat(browser().findElements(By.cssSelector(".chart-error"))).isEmpty();
		assertThat(scriptErrors()).isEmpty();

		browser().findElement(By.id("preset-24h")).click();
		waitFor().until(ExpectedConditions.urlContains("range=24h"));
		assertThat(browser().findElement(By.id("events-total")).getText()).isEqualTo("6");
		assertThat(browser().findElement(By.id("dashboard-filter-text")).getText()).isEqualTo(filter);
		assertThat(scriptErrors()).isEmpty();
	}

	@Test
	void shouldShowTheFilterErrorInsteadOfAStackTrace() {
		login(ADMIN, ADMIN_PASSWORD);
		browser().get(url("/dashboard?q=" + URLEncoder.encode("host.name:(", StandardCharsets.UTF_8)));

		assertThat(browser().findElement(By.id("dashboard-error")).getText()).startsWith("The filter is not a valid query")
			.endsWith("filter: host.name:(");
		assertThat(browser().getPageSource()).doesNotContain("Exception");
		assertThat(browser().findElement(By.id("dlq-count")).getText()).isNotBlank();
		assertThat(scriptErrors()).isEmpty();
	}

}
