package io.iterdef.web.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.web.es.EsFixtures;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static io.iterdef.web.search.SearchFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page in headless Chromium on fixture events: search, narrow the range by clicking a histogram bar,
 * filter from the field sidebar, expand a row (event values render as text), export with the session.
 */
class SearchBrowserIT extends BrowserSupport {

	private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	private final String run = "it-browser-search-" + UUID.randomUUID();

	private final String h1 = "it-" + UUID.randomUUID() + "-1.corp";

	private final String h2 = "it-" + UUID.randomUUID() + "-2.corp";

	/** The start of an hour 2 to 3 hours ago: the fixtures' hour. */
	private final Instant w = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

	@BeforeEach
	void indexFixtures() {
		new EsFixtures(client, rest).indexEvents(List.of(
				event(run + "-1", w.plusSeconds(5 * 60), h1, "4624", "alice", "powershell.exe", "powershell -nop -w hidden", 1, run),
				event(run + "-2", w.plusSeconds(5 * 60 + 10), h1, "4688", "alice", "whoami.exe", "whoami /all", 2, run),
				event(run + "-3", w.plusSeconds(5 * 60 + 20), h1, "4688", "alice", "net.exe", "net group \"domain admins\"", 3, run),
				event(run + "-4", w.plusSeconds(40 * 60), h2, "4624", "bob", "cmd.exe", "cmd /c echo <script>alert(1)</script>", 4, run),
				event(run + "-5", w.plusSeconds(40 * 60 + 30), h2, "4625", XSS, "cmd.exe", "=1+2", 5, run)));
	}

	private String searchUrl(String q) {
		return url("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&from=" + w + "&to=" + w.plusSeconds(3600));
	}

	private List<WebElement> rows() {
		return browser().findElements(By.cssSelector("#search-results tr.event-row"));
	}

	private String total() {
		return browser().findElement(By.id("search-total")).getText();
	}

	@Test
	void shouldSearchNarrowTheRangeByClickingABarAndExport() throws Exception {
		login(createUser("analyst", "search-password"), "search-password");
		browser().get(url("/search?from=" + w + "&to=" + w.plusSeconds(3600)));
		WebElement q = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-q")));
		q.clear();
		q.sendKeys("tags:\"" + run + "\"");
		browser().findElement(By.id("search-submit")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("search-total"), "5"));
		assertThat(rows()).hasSize(5);
		assertThat(browser().findElement(By.id("search-histogram")).getAttribute("data-interval")).isEqualTo("1m");

		// the bar of minute 5 (3 events): click its middle, found through the chart's own coordinates
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-histogram canvas")));
		@SuppressWarnings("unchecked")
		List<Number> point = (List<Number>) script("""
				var chart = echarts.getInstanceByDom(document.getElementById('search-histogram'));
				var top = chart.convertToPixel({ seriesIndex: 0 }, [5, 3]);
				var bottom = chart.convertToPixel({ seriesIndex: 0 }, [5, 0]);
				var box = document.getElementById('search-histogram').getBoundingClientRect();
				return [top[0] - box.width / 2, (top[1] + bottom[1]) / 2 - box.height / 2];""");
		new Actions(browser()).moveToElement(browser().findElement(By.id("search-histogram")), point.get(0).intValue(),
				point.get(1).intValue())
			.click()
			.perform();
		String bucketFrom = w.plusSeconds(5 * 60).toString();
		String bucketTo = w.plusSeconds(6 * 60).toString();
		waitFor().until(ExpectedConditions.urlContains("from=" + URLEncoder.encode(bucketFrom, StandardCharsets.UTF_8)));
		assertThat(browser().getCurrentUrl()).contains("to=" + URLEncoder.encode(bucketTo, StandardCharsets.UTF_8))
			.contains("q=" + URLEncoder.encode("tags:\"" + run + "\"", StandardCharsets.UTF_8));
		waitFor().until(ExpectedConditions.textToBe(By.id("search-total"), "3"));
		assertThat(rows()).hasSize(3);
		assertThat(browser().findElement(By.id("search-from")).getAttribute("value")).isEqualTo(bucketFrom);

		// export the narrowed search with the browser's session (newest first, the default order)
		String csvUrl = browser().findElement(By.id("export-csv")).getAttribute("href");
		String cookies = browser().manage()
			.getCookies()
			.stream()
			.map(Cookie::toString)
			.map(c -> c.substring(0, c.indexOf(';')))
			.collect(Collectors.joining("; "));
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(csvUrl)).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("X-Iterdef-Export-Truncated")).hasValue("false");
		assertThat(csv.body().split("\r\n")).containsExactly("@timestamp,host.name,event.code,event.action,process.command_line,user.name",
				w.plusSeconds(320) + "," + h1 + ",4688,logon-4688,\"net group \"\"domain admins\"\"\",alice",
				w.plusSeconds(310) + "," + h1 + ",4688,logon-4688,whoami /all,alice",
				w.plusSeconds(300) + "," + h1 + ",4624,logon-4624,powershell -nop -w hidden,alice");
		assertThat(scriptErrors()).isEmpty();
	}

	@Test
	void shouldFilterFromTheSidebarAndShowEventValuesAsText() {
		login(createUser("analyst", "search-password"), "search-password");
		browser().get(searchUrl("tags:\"" + run + "\""));
		waitFor().until(ExpectedConditions.textToBe(By.id("search-total"), "5"));

		WebElement value = browser().findElements(By.cssSelector("#search-sidebar section[data-field='host.name'] li"))
			.stream()
			.filter(li -> h2.equals(li.getAttribute("data-value")))
			.findFirst()
			.orElseThrow();
		assertThat(value.findElement(By.cssSelector(".count")).getText()).isEqualTo("2");
		value.findElement(By.cssSelector("a.filter-in")).click();
		waitFor().until(ExpectedConditions.textToBe(By.id("search-total"), "2"));
		assertThat(browser().findElement(By.id("search-q")).getAttribute("value"))
			.isEqualTo("tags:\"" + run + "\" AND host.name:\"" + h2 + "\"");
		assertThat(rows()).allSatisfy(row -> assertThat(row.getText()).contains(h2));

		// the newest first: the XSS user's event; its values are text, and nothing ran
		WebElement first = rows().get(0);
		assertThat(first.getText()).contains(XSS);
		first.findElement(By.cssSelector("button.expand")).click();
		WebElement json = browser().findElement(By.cssSelector("#search-results tr.event-json pre"));
		waitFor().until(ExpectedConditions.visibilityOf(json));
		assertThat(json.getText()).contains("\"name\" : \"<img src=x onerror=\\\"window.__xss=1\\\">\"")
			.contains("\"id\" : \"" + run + "-5\"");
		browser().findElements(By.cssSelector("#search-results button.expand")).get(1).click();
		assertThat(browser().findElements(By.cssSelector("#search-results tr.event-json pre")).get(1).getText())
			.contains("cmd /c echo <script>alert(1)</script>");
		assertThat(browser().findElements(By.cssSelector("#search-results img"))).isEmpty();
		assertThat(script("return window.__xss === undefined")).isEqualTo(true);

		// and out again: only host 1's three events
		browser().get(searchUrl("tags:\"" + run + "\""));
		browser().findElements(By.cssSelector("#search-sidebar section[data-field='host.name'] li"))
			.stream()
			.filter(li -> h2.equals(li.getAttribute("data-value")))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("a.filter-out"))
			.click();
		waitFor().until(ExpectedConditions.textToBe(By.id("search-total"), "3"));
		assertThat(rows()).allSatisfy(row -> assertThat(row.getText()).contains(h1));
		assertThat(scriptErrors()).isEmpty();
	}

	@Test
	void shouldSayWhatIsWrongWithABadQuery() {
		login(createUser("analyst", "search-password"), "search-password");
		browser().get(searchUrl("host.name:("));
		String error = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("search-error"))).getText();
		assertThat(error).startsWith("Elasticsearch could not parse the query: ").contains("host.name:(");
		assertThat(browser().getPageSource()).doesNotContain("at io.iterdef");
		assertThat(Map.of("rows", rows().size())).containsEntry("rows", 0);
	}

}
