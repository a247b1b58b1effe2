package io.iterdef.web.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.web.es.EsFixtures;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The README's screenshots, a documentation tool rather than a check: runs only with
 * {@code -Diterdef.screenshots=<dir>} (disabled otherwise). It indexes the project's own events (the attack
 * scenario and the benign baseline of sample-events, decoded by detection-kb, each file's time span squeezed
 * into the last hour) and the alerts the rules raise on them, then saves {@code dashboard.png} and
 * {@code search.png} of those hosts into the directory:
 *
 * <pre>
 * mvn -B -o -pl incident-web -am verify -Dit.test=ScreenshotsIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Diterdef.screenshots=$PWD/docs
 * </pre>
 */
// Skipped before anything starts (no browser, no application context) unless asked for.
@EnabledIfSystemProperty(named = ScreenshotsIT.PROPERTY, matches = ".+",
		disabledReason = "documentation tool: set -Diterdef.screenshots=<dir> to take the README screenshots")
class ScreenshotsIT extends BrowserSupport {

	static final String PROPERTY = "iterdef.screenshots";

	static final List<String> RESOURCES = List.of("scenarios/encoded-powershell-recon.ndjson",
			"baseline/domain-controller-dc01.ndjson", "baseline/fileserver-fs01.ndjson",
			"baseline/workstation-fin-ws12.ndjson", "baseline/workstation-hr-ws03.ndjson");

	/** All the sample hosts, and no other test's. */
	static final String HOSTS = "host.name:*.corp.example.org";

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	@Test
	void shouldSaveTheDashboardAndTheSearchPageWithData() throws Exception {
		Path dir = Path.of(System.getProperty(PROPERTY));
		Files.createDirectories(dir);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Event> events = new ArrayList<>();
		for (String resource : RESOURCES) {
			events.addAll(intoLastHour(decode(resource), now));
		}
		events.sort(Comparator.comparing(Event::getTimestamp));
		List<Alert> alerts = RuleSet.fromClasspath().detect(events);
		ObjectMapper mapper = new ObjectMapper();
		EsFixtures fixtures = new EsFixtures(client, rest);
		fixtures.indexEvents(events.stream().map(e -> asMap(mapper, e.toJson())).toList());
		if (!alerts.isEmpty()) {
			fixtures.indexAlerts(alerts.stream().map(a -> asMap(mapper, a.toJson())).toList());
		}

		login(ADMIN, ADMIN_PASSWORD);
		browser().get(url("/dashboard?range=1h&q=" + URLEncoder.encode(HOSTS, StandardCharsets.UTF_8)));
		for (String chart : List.of("chart-channels", "chart-codes", "chart-hosts", "chart-alert-rules",
				"chart-alert-severities")) {
			waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
		}
		save(dir.resolve("dashboard.png"));

		browser().get(url("/search?q=" + URLEncoder.encode("event.code:1", StandardCharsets.UTF_8) + "&from=now-24h&to=now"));
		waitFor().until(d -> "complete".equals(script("return document.readyState")));
		save(dir.resolve("search.png"));
		System.out.println("Screenshots: " + events.size() + " events, " + alerts.size() + " alerts; saved in " + dir);
	}

	/** The whole page: the window is made as tall as the page (after the animations settle), then put back. */
	private void save(Path file) throws IOException {
		Dimension before = browser().manage().window().getSize();
		long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
		browser().manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(6000, height + 140)));
		// ECharts resizes on the window's resize event and animates for about a second: wait until no chart
		// is animating any more (zr's animation flag), not a fixed sleep.
		waitFor().withTimeout(Duration.ofSeconds(10))
			.until(d -> Boolean.TRUE.equals(script("""
					if (typeof echarts === 'undefined') { return true; }
					return Array.prototype.every.call(document.querySelectorAll('.chart'), function (el) {
					  var c = echarts.getInstanceByDom(el);
					  return !c || !c.getZr().animation.isFinished || c.getZr().animation.isFinished();
					});""")));
		Files.write(file, ((TakesScreenshot) browser()).getScreenshotAs(OutputType.BYTES));
		browser().manage().window().setSize(before);
	}

	private static List<Event> decode(String resource) throws IOException, DecodeException {
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
		List<Event> events = new ArrayList<>();
		try (InputStream in = ScreenshotsIT.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing " + resource + " (io.iterdef:sample-events)");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line; (line = reader.readLine()) != null;) {
				if (!line.isBlank()) {
					events.addAll(decoders.decode(line.getBytes(StandardCharsets.UTF_8), null));
				}
			}
		}
		return events;
	}

	/**
	 * The events with their time span squeezed into now − 57 min .. now − 2 min (order and relative spacing
	 * kept), event.ingested a few seconds after each.
	 */
	private static List<Event> intoLastHour(List<Event> events, Instant now) {
		Instant first = events.stream().map(Event::getTimestamp).min(Comparator.naturalOrder()).orElseThrow();
		Instant last = events.stream().map(Event::getTimestamp).max(Comparator.naturalOrder()).orElseThrow();
		long span = Math.max(1, Duration.between(first, last).toMillis());
		Instant start = now.minus(57, ChronoUnit.MINUTES);
		long target = Duration.ofMinutes(55).toMillis();
		List<Event> shifted = new ArrayList<>();
		for (Event event : events) {
			long offset = Duration.between(first, event.getTimestamp()).toMillis() * target / span;
			Instant time = start.plusMillis(offset);
			ObjectNode tree = event.toTree();
			tree.put("@timestamp", time.toString());
			ObjectNode ecsEvent = (ObjectNode) tree.get("event");
			ecsEvent.put("ingested", time.plusSeconds(2 + offset % 5).toString());
			shifted.add(Event.ownTree(tree, time));
		}
		return shifted;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(ObjectMapper mapper, byte[] json) {
		try {
			return mapper.readValue(json, Map.class);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
