package io.iterdef.web.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.iterdef.web.StackSupport;
import io.iterdef.web.es.EsFixtures;
import io.iterdef.web.es.EsProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard against the real Elasticsearch node and Kafka broker: fixture events and alerts of a random host
 * (with random channel, code, dataset and rule values) at known times, the numbers restricted to that host by the
 * dashboard's filter, so the counts are exact although the node holds other tests' data.
 */
class DashboardIT extends StackSupport {

	@Autowired
	private DashboardService dashboard;

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private RestClient rest;

	@Autowired
	private MockMvc mockMvc;

	private final String id = UUID.randomUUID().toString().substring(0, 8);

	private final String host = "it-" + UUID.randomUUID() + ".corp";

	private final String channel = "it-channel-" + id;

	private final String dataset = "it-dataset-" + id;

	private final String codeX = "it-x-" + id;

	private final String codeY = "it-y-" + id;

	private final String ruleA = "it-rule-a-" + id;

	private final String ruleB = "it-rule-b-" + id;

	private final String filter = "host.name:\"" + host + "\"";

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	// At the start of a minute, so that the events indexed at +0..2 s all fall into one one-minute bucket: taken
	// from now to the second, a now at :58 or :59 put the last of them into the next bucket and the counts per
	// bucket below failed.
	private final Instant fiftyMinutesAgo = now.minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

	private final Instant twentyMinutesAgo = now.minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

	private final Instant ninetySecondsAgo = now.minusSeconds(90);

	@BeforeEach
	void indexFixtures() {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			events.add(event(fiftyMinutesAgo.plusSeconds(i), channel, null, codeX));
		}
		for (int i = 0; i < 2; i++) {
			events.add(event(twentyMinutesAgo.plusSeconds(i), channel, null, codeY));
		}
		events.add(event(ninetySecondsAgo, null, dataset, codeX));
		events.add(event(now.minus(3, ChronoUnit.HOURS), channel, null, codeY));
		EsFixtures fixtures = new EsFixtures(client, rest);
		fixtures.indexEvents(events);
		fixtures.indexAlerts(List.of(alert(fiftyMinutesAgo, ruleA, "high"), alert(twentyMinutesAgo, ruleA, "high"),
				alert(twentyMinutesAgo, ruleB, "medium"), alert(now.minus(3, ChronoUnit.HOURS), ruleB, "medium")));
	}

	private Map<String, Object> event(Instant time, String winlogChannel, String eventDataset, String code) {
		Map<String, Object> event = new HashMap<>();
		event.put("id", "it-" + UUID.randomUUID());
		event.put("code", code);
		event.put("ingested", time.plusSeconds(60).toString());
		if (eventDataset != null) {
			event.put("dataset", eventDataset);
		}
		Map<String, Object> doc = new HashMap<>();
		doc.put("@timestamp", time.toString());
		doc.put("event", event);
		doc.put("host", Map.of("name", host));
		if (winlogChannel != null) {
			doc.put("winlog", Map.of("channel", winlogChannel));
		}
		return doc;
	}

	private Map<String, Object> alert(Instant time, String ruleName, String severity) {
		return Map.of("id", "it-alert-" + UUID.randomUUID(), "@timestamp", time.toString(), "host",
				Map.of("name", host), "rule", Map.of("id", "it-rule-id-" + id, "name", ruleName, "severity", severity));
	}

	@Test
	void shouldCountTheHostsEventsPerChannelAndCodeOverTimeWithinTheRange() {
		Dashboard result = dashboard.compute(DashboardRange.parse("1h", Instant.now()), filter);

		assertThat(result.error()).isNull();
		Dashboard.Events events = result.events();
		assertThat(events.total()).isEqualTo(6);
		assertThat(events.buckets()).hasSizeBetween(60, 61);
		assertThat(totals(events.channels())).containsExactlyInAnyOrderEntriesOf(Map.of(channel, 5L, dataset, 1L));
		assertThat(totals(events.codes())).containsExactlyInAnyOrderEntriesOf(Map.of(codeX, 4L, codeY, 2L));
		assertThat(events.hosts()).containsExactly(new Dashboard.Term(host, 6));

		Dashboard.Series channelSeries = series(events.channels(), channel);
		assertThat(channelSeries.counts().get(bucketOf(events, fiftyMinutesAgo))).isEqualTo(3);
		assertThat(channelSeries.counts().get(bucketOf(events, twentyMinutesAgo))).isEqualTo(2);
		assertThat(channelSeries.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
		assertThat(series(events.codes(), codeX).counts().get(bucketOf(events, ninetySecondsAgo))).isEqualTo(1);
		assertThat(events.totals().get(bucketOf(events, fiftyMinutesAgo))).isEqualTo(3);

		Dashboard.Events day = dashboard.compute(DashboardRange.parse("24h", Instant.now()), filter).events();
		assertThat(day.total()).isEqualTo(7);
		assertThat(totals(day.codes())).containsEntry(codeY, 3L);
	}

	@Test
	void shouldCountTheHostsAlertsByRuleAndSeverityWithinTheRange() {
		Dashboard.Alerts alerts = dashboard.compute(DashboardRange.parse("1h", Instant.now()), filter).alerts();

		assertThat(alerts.total()).isEqualTo(3);
		assertThat(alerts.byRule()).containsExactly(new Dashboard.Term(ruleA, 2), new Dashboard.Term(ruleB, 1));
		assertThat(alerts.bySeverity()).containsExactly(new Dashboard.Term("high", 2), new Dashboard.Term("medium", 1));
	}

	@Test
	void shouldMeasureTheLagFromTheNewestEventAndTheNewestArrival() {
		Instant before = Instant.now();
		Dashboard result = dashboard.compute(DashboardRange.parse("1h", before), filter);
		long elapsed = Instant.now().getEpochSecond() - now.getEpochSecond() + 1;

		assertThat(result.eventLag().newest()).isEqualTo(ninetySecondsAgo);
		assertThat(result.eventLag().seconds()).isBetween(90L, 90L + elapsed);
		assertThat(result.eventLag().warning()).isFalse();
		// the newest event.ingested is 60 s after the newest @timestamp: 30 s ago
		assertThat(result.ingestLag().newest()).isEqualTo(ninetySecondsAgo.plusSeconds(60));
		assertThat(result.ingestLag().seconds()).isBetween(30L, 30L + elapsed);
	}

	@Test
	void shouldCountTheRecordsInTheDeadLetterTopic() throws Exception {
		String topic = "it-dashboard-dlq-" + id;
		Map<String, Object> config = new HashMap<>(stack().kafkaClientProperties());
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack().kafkaBootstrap());
		try (Admin admin = Admin.create(config)) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
		assertThat(deadLetters.count(topic).records()).isZero();
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < 5; i++) {
				ProducerRecord<String, String> record = new ProducerRecord<>(topic, i % 3,
						now.toEpochMilli() + i * 1000L, "key-" + i, "not an event " + i);
				record.headers().add("iterdef.dlq.reason", ("not JSON <" + i + ">").getBytes(StandardCharsets.UTF_8));
				producer.send(record).get();
			}
		}

		DeadLetters.Count count = deadLetters.count(topic);

		assertThat(count.records()).isEqualTo(5);
		assertThat(count.text()).isEqualTo("5");
		assertThat(count.newest()).extracting(DeadLetterReasons.Reason::reason)
			.containsExactly("not JSON <4>", "not JSON <3>", "not JSON <2>");
		assertThat(count.newest().get(0).time()).isEqualTo(now.plusSeconds(4));
		assertThat(deadLetters.count("it-dashboard-missing-" + id).text()).isEqualTo("0 (no dead-letter topic yet)");
	}

	@Test
	void shouldShowZeroesWhenNoIndexMatchesThePatternsYet() throws Exception {
		EsProperties none = new EsProperties(stack().elasticsearchUrl(), "", "", "", "it-none-" + id + "-*",
				"it-none-alerts-" + id + "-*", Duration.ofSeconds(10));
		DashboardQueries queries = new DashboardQueries(client, none);
		DashboardRange range = DashboardRange.parse("24h", Instant.now());

		DashboardQueries.EventsResult events = queries.events(range, null);
		DashboardQueries.AlertsResult alerts = queries.alerts(range, null);

		assertThat(events.events().total()).isZero();
		assertThat(events.events().hosts()).isEmpty();
		assertThat(events.newestEvent()).isNull();
		assertThat(alerts.alerts().total()).isZero();
		assertThat(alerts.alerts().byRule()).isEmpty();
	}

	@Test
	void shouldShowElasticsearchsReasonAndTheFilterWhenTheFilterIsNotValid() {
		Dashboard result = dashboard.compute(DashboardRange.parse("1h", Instant.now()), "host.name:(");

		assertThat(result.events()).isNull();
		assertThat(result.error()).startsWith("The filter is not a valid query")
			.contains("Failed to parse query")
			.endsWith("filter: host.name:(");
		assertThat(result.deadLetters()).isNotNull();
	}

	@Test
	void shouldServeThePageAndTheJsonToSignedInUsersOnly() throws Exception {
		mockMvc.perform(get("/dashboard")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mockMvc.perform(get("/dashboard/data")).andExpect(status().is3xxRedirection());

		mockMvc.perform(get("/dashboard/data").param("range", "1h").param("q", filter).with(user("viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.total").value(6))
			.andExpect(jsonPath("$.alerts.total").value(3))
			.andExpect(jsonPath("$.events.hosts[0].key").value(host));
		mockMvc.perform(get("/dashboard").param("range", "1h").param("q", filter).with(user("viewer").roles("ANALYST")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/search?q=host.name:%22" + host + "%22")))
			.andExpect(content().string(containsString("id=\"dlq-count\"")));
		mockMvc.perform(get("/dashboard/data").param("range", "2y").with(user("viewer").roles("ANALYST")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("Unknown range \"2y\": choose 1h, 24h or 7d."));
	}

	private static Map<String, Long> totals(List<Dashboard.Series> series) {
		Map<String, Long> totals = new HashMap<>();
		series.forEach(s -> totals.put(s.name(), s.total()));
		return totals;
	}

	private static Dashboard.Series series(List<Dashboard.Series> series, String name) {
		return series.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
	}

	/** The index of the one-minute bucket holding {@code time}. */
	private static int bucketOf(Dashboard.Events events, Instant time) {
		long key = time.toEpochMilli() / 60_000 * 60_000;
		int index = events.buckets().indexOf(key);
		assertThat(index).as("bucket of " + time).isNotNegative();
		return index;
	}

}
