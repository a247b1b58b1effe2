package io.iterdef.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.StreamsApp;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole loop, every hop real: scenario lines over TCP to the collector, Kafka (iterdef.raw), the normalize
 * topology, Drools in the detect topology, iterdef.alerts, this web app's listener, incidents in PostgreSQL, and
 * the indexer writing Elasticsearch. The streams side runs in this JVM through the same start method as its main;
 * the web side is the application context of {@link StackSupport}, on the default topic names, as in production.
 */
class EndToEndIT extends StackSupport {

	/**
	 * This test's own topics: other modules' ITs leave records on the stack's un-prefixed topics (agent results
	 * with today's times among them), which a streams app reading from the start would take in before the scenario
	 * and which would move the detect task's clock past it. Its own context consumes its alerts topic.
	 */
	static final String PREFIX = "e2e-web-" + Long.toHexString(System.nanoTime()) + ".";

	@DynamicPropertySource
	static void ownTopics(DynamicPropertyRegistry registry) {
		registry.add("iterdef.topics.alerts", () -> PREFIX + "iterdef.alerts");
		registry.add("spring.kafka.consumer.group-id", () -> PREFIX + "incident-web");
	}

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Test
	void shouldTurnScenarioIntoIncidentAndIndexedEventsOnceWhenSentTwice(@TempDir Path dataDir) throws Exception {
		List<byte[]> lines = Scenario.lines();
		List<Event> events = Scenario.events();
		List<String> eventIds = events.stream().map(Event::getId).toList();
		List<Alert> expected = Scenario.expectedAlerts(RuleSet.fromClasspath());
		Set<String> expectedAlertIds = expected.stream().map(Alert::getId).collect(Collectors.toSet());
		assertThat(expected).extracting(Alert::getRuleName)
			.contains("Encoded PowerShell command line", "Discovery command burst on one host");
		forgetEarlierRuns(expectedAlertIds);
		Instant started = Instant.now();

		try (StreamsApp app = StreamsApp.start(config(dataDir))) {
			Elasticsearch es = new Elasticsearch(stack());
			send(app.collectorPort(), lines);

			// alert -> incident in PostgreSQL, one per rule and host
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
				.until(() -> storedAlerts(expectedAlertIds) == expectedAlertIds.size());
			List<Long> incidents = incidentsOf(expectedAlertIds);
			assertThat(incidents).hasSize(expected.size());

			// every event indexed once, under its event.id, in its day's index
			await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
				.until(() -> es.indexedSince(eventIds, started) == eventIds.size());

			// the analyst logs in and sees the incident with the matched events' fields
			Alert encoded = expected.stream()
				.filter(a -> a.getRuleName().equals("Encoded PowerShell command line"))
				.findFirst()
				.orElseThrow();
			long incidentId = incidentsOf(Set.of(encoded.getId())).get(0);
			MockHttpSession session = login();
			mockMvc.perform(get("/incidents").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("/incidents/" + incidentId)));
			mockMvc.perform(get("/incidents/{id}", incidentId).session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Encoded PowerShell command line")))
				.andExpect(content().string(containsString(encoded.getHostName())))
				.andExpect(content().string(containsString("T1059.001")))
				.andExpect(content().string(containsString(encoded.getEvents().get(0).getId())));

			// the same scenario again: no new document, no new alert, no new incident
			Instant resent = Instant.now();
			send(app.collectorPort(), lines);
			await().atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
				.until(() -> es.indexedSince(eventIds, resent) == eventIds.size());
			assertThat(es.countIds(eventIds, events.stream().map(Event::getTimestamp).toList()))
				.isEqualTo(eventIds.size());
			assertThat(storedAlerts(expectedAlertIds)).isEqualTo(expectedAlertIds.size());
			assertThat(incidentsOf(expectedAlertIds)).containsExactlyInAnyOrderElementsOf(incidents);
			assertThat(alertsOfIncidents(incidents)).isEqualTo(expectedAlertIds.size());
		}
	}

	private StreamsAppConfig config(Path dataDir) {
		Map<String, String> env = new HashMap<>(System.getenv());
		env.put("ITERDEF_KAFKA", stack().kafkaBootstrap());
		env.put("ITERDEF_ES_URL", stack().elasticsearchUrl());
		env.put("ITERDEF_COLLECTOR_TCP_PORT", "0");
		env.put("ITERDEF_COLLECTOR_HTTP_PORT", "0");
		env.put("ITERDEF_COLLECTOR_SYSLOG_PORT", "0");
		env.put("ITERDEF_COLLECTOR_BIND", "127.0.0.1");
		env.put("ITERDEF_DATA_DIR", dataDir.toString());
		String run = Long.toHexString(System.nanoTime());
		env.put("ITERDEF_STREAMS_APPLICATION_ID", "e2e-streams-" + run);
		env.put("ITERDEF_INDEXER_GROUP", "e2e-indexer-" + run);
		// The expected alert ids come from the offline engine, which sees the scenario sorted by time. Online, the
		// reorder buffer is flushed after this much quiet input; on a busy CI machine 1 s (the default) can pass
		// between the scenario's first and last events, which makes some of them late and changes which event
		// comes first in an alert (and so its id). Ten seconds keeps the order without slowing the test.
		env.put("ITERDEF_DETECT_PUNCTUATE_MS", "10000");
		env.put("ITERDEF_TOPIC_PREFIX", PREFIX);
		env.remove("ITERDEF_RULES_DIR");
		return StreamsAppConfig.fromMap(env);
	}

	/**
	 * Earlier builds on the same stack left this scenario's alerts and incidents behind: without them, only this
	 * run counts. Incidents keep their audit trail (append-only, so they cannot be deleted): the earlier ones are
	 * resolved as benign, which makes the same alerts open new incidents, and their alerts are removed.
	 */
	private void forgetEarlierRuns(Set<String> alertIds) {
		String[] ids = alertIds.toArray(String[]::new);
		jdbc.sql("""
				UPDATE incidents SET status = 'resolved', resolution = 'benign', resolved_at = now(), updated_at = now()
				 WHERE status <> 'resolved' AND id IN (SELECT incident_id FROM alerts WHERE id = ANY(?))""")
			.param(ids)
			.update();
		jdbc.sql("DELETE FROM alerts WHERE id = ANY(?)").param(ids).update();
	}

	private long storedAlerts(Set<String> alertIds) {
		return jdbc.sql("SELECT count(*) FROM alerts WHERE id = ANY(?)")
			.param(alertIds.toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	private List<Long> incidentsOf(Set<String> alertIds) {
		return jdbc.sql("SELECT DISTINCT incident_id FROM alerts WHERE id = ANY(?)")
			.param(alertIds.toArray(String[]::new))
			.query(Long.class)
			.list()
			.stream()
			.sorted(Comparator.naturalOrder())
			.toList();
	}

	private long alertsOfIncidents(List<Long> incidents) {
		return jdbc.sql("SELECT coalesce(sum(alert_count), 0) FROM incidents WHERE id = ANY(?)")
			.param(incidents.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	private MockHttpSession login() throws Exception {
		String user = "e2e-" + UUID.randomUUID();
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, ?, 'analyst')")
			.params(user, passwordEncoder.encode("e2e-password"))
			.update();
		return (MockHttpSession) mockMvc.perform(formLogin("/login").user(user).password("e2e-password"))
			.andExpect(authenticated().withUsername(user))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/** Sends the lines as NXLog om_tcp does, and returns when the collector has closed: Kafka has every line. */
	private static void send(int port, List<byte[]> lines) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			for (byte[] line : lines) {
				out.write(line);
				out.write('\n');
			}
			socket.shutdownOutput();
			socket.setSoTimeout(60_000);
			assertThat(socket.getInputStream().read()).isEqualTo(-1);
		}
	}

}
