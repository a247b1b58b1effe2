package io.iterdef.web.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics page in a real browser: the ECharts charts draw, and the known MTTA of the test's rule shows. */
class MetricsBrowserIT extends BrowserSupport {

	private static final List<String> CHARTS = List.of("chart-by-severity", "chart-by-rule", "chart-by-team",
			"chart-breaches", "chart-open-by-age");

	@Autowired
	private JdbcClient jdbc;

	private final String ruleId = "it-browser-metrics-" + UUID.randomUUID();

	/** Five high incidents an hour ago, acknowledged after 60, 120, 180, 240 and 600 s: median 3 min, p90 456 s. */
	private void insertIncidents() {
		int[] ackSeconds = { 60, 120, 180, 240, 600 };
		for (int i = 0; i < ackSeconds.length; i++) {
			insertIncident("host-" + i, 3600, ackSeconds[i]);
		}
	}

	private void insertIncident(String host, int createdSecondsAgo, int ackSeconds) {
		jdbc.sql("""
				INSERT INTO incidents (title, rule_id, rule_name, severity, host_name, group_key, status, created_at,
				                       updated_at, first_seen, last_seen, alert_count, acknowledged_at)
				SELECT 'Browser metrics on ' || :host, :rule, 'Browser metrics rule', 'high', :host, :host,
				       'acknowledged', t.c, t.c, t.c, t.c, 1, t.c + make_interval(secs => :ack)
				  FROM (SELECT now() - make_interval(secs => :ago) AS c) t""")
			.param("rule", ruleId)
			.param("host", host)
			.param("ago", createdSecondsAgo)
			.param("ack", ackSeconds)
			.update();
	}

	@Test
	void shouldDrawTheChartsAndShowTheKnownMttaWhenFilteredByTheRule() {
		insertIncidents();
		login(createUser("analyst", "metrics-password"), "metrics-password");

		browser().get(url("/metrics"));
		WebElement rule = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.name("rule")));
		rule.sendKeys(ruleId);
		browser().findElement(By.id("apply-metrics")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("metrics-rule"), ruleId));

		for (String chart : CHARTS) {
			waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
		}
		WebElement high = browser().findElement(By.cssSelector("#by-severity tr[data-key=high]"));
		assertThat(high.findElement(By.cssSelector(".incidents")).getText()).isEqualTo("5");
		assertThat(high.findElement(By.cssSelector(".mtta-median")).getText()).isEqualTo("3 min");
		assertThat(high.findElement(By.cssSelector(".mtta-p90")).getText()).isEqualTo("7 min 36 s");
		assertThat(browser().findElement(By.id("overall-mtta-median")).getText()).isEqualTo("3 min");
		assertThat(browser().findElements(By.cssSelector(".chart-error"))).isEmpty();
		assertThat(scriptErrors()).isEmpty();
	}

	@Test
	void shouldChangeThePeriodWhenAPresetIsChosen() {
		insertIncidents();
		insertIncident("host-old", 3 * 86400, 60);
		login(ADMIN, ADMIN_PASSWORD);
		browser().get(url("/metrics?period=30d&rule=" + ruleId));
		assertThat(browser().findElement(By.id("overall-incidents")).getText()).isEqualTo("6");

		browser().findElement(By.id("preset-24h")).click();
		waitFor().until(ExpectedConditions.urlContains("period=24h"));

		assertThat(browser().findElement(By.id("overall-incidents")).getText()).isEqualTo("5");
		assertThat(browser().findElement(By.cssSelector("select[name=period] option:checked")).getText())
			.isEqualTo("Last 24 h");
		assertThat(browser().findElement(By.id("metrics-rule")).getText()).isEqualTo(ruleId);
	}

}
