package io.iterdef.web.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole path inside incident-web: a record on iterdef.alerts becomes an incident a user can open. */
class AlertListenerIT extends StackSupport {

	private static final String TOPIC = "iterdef.alerts";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private KafkaAdmin kafkaAdmin;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	@Autowired
	private MockMvc mockMvc;

	private final String ruleId = "it-rule-" + UUID.randomUUID();

	private Long incidentIdOf(String alertId) {
		return jdbc.sql("SELECT incident_id FROM alerts WHERE id = ?").param(alertId).query(Long.class).optional().orElse(null);
	}

	@Test
	void shouldCreateTheAlertsTopicWhenStarting() {
		Map<String, TopicDescription> topics = kafkaAdmin.describeTopics(TOPIC);

		assertThat(topics.get(TOPIC).partitions()).isNotEmpty();
	}

	@Test
	void shouldOpenIncidentAndShowEventFieldsWhenAlertIsPublished() throws Exception {
		String alertId = ruleId + "-a1";
		String json = TestAlerts.alert(alertId, ruleId, "high", "wkstn-7.corp.local",
				Instant.parse("2020-09-04T20:09:55.760Z"), "powershell -noP -sta -w 1 -enc SQBFAFgA");

		kafka.send(TOPIC, alertId, json).get();
		kafka.send(TOPIC, alertId, json).get();

		Long incidentId = await().atMost(TIMEOUT).until(() -> incidentIdOf(alertId), id -> id != null);
		String user = "it-" + UUID.randomUUID();
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, ?, 'analyst')")
			.params(user, passwordEncoder.encode("it-password"))
			.update();
		MockHttpSession session = login(user, "it-password");

		mockMvc.perform(get("/incidents/{id}", incidentId).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Encoded PowerShell command line on wkstn-7.corp.local")))
			.andExpect(content().string(containsString("T1059.001")))
			.andExpect(content().string(containsString("process.command_line")))
			.andExpect(content().string(containsString("powershell -noP -sta -w 1 -enc SQBFAFgA")))
			.andExpect(content().string(containsString("process.parent.name")))
			.andExpect(content().string(containsString("wscript.exe")));
		mockMvc.perform(get("/incidents").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/incidents/" + incidentId)));
		mockMvc.perform(get("/incidents/{id}", Long.MAX_VALUE).session(session)).andExpect(status().isNotFound());
		await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> alertCountOf(incidentId) == 1);
	}

	@Test
	void shouldShowTheSuppressedCountWhenTheAlertIsPublishedAgainWithIt() throws Exception {
		String alertId = ruleId + "-s1";
		Instant t = Instant.parse("2020-09-04T20:09:55.760Z");
		String json = TestAlerts.alert(alertId, ruleId, "high", "wkstn-9.corp.local", t, "powershell -enc SQBFAFgA");

		kafka.send(TOPIC, alertId, json).get();
		kafka.send(TOPIC, alertId, TestAlerts.withSuppressed(json, 6, t.plusSeconds(300))).get();
		kafka.send(TOPIC, alertId, json).get(); // a replay of the first record does not lower it

		Long incidentId = await().atMost(TIMEOUT).until(() -> incidentIdOf(alertId), id -> id != null);
		await().during(Duration.ofSeconds(2)).atMost(TIMEOUT).until(() -> jdbc
			.sql("SELECT suppressed_count FROM alerts WHERE id = ?")
			.param(alertId)
			.query(Long.class)
			.single() == 6);
		String user = "it-" + UUID.randomUUID();
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, ?, 'analyst')")
			.params(user, passwordEncoder.encode("it-password"))
			.update();

		mockMvc.perform(get("/incidents/{id}", incidentId).session(login(user, "it-password")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("+6 suppressed")));
		assertThat(alertCountOf(incidentId)).isEqualTo(1);
	}

	@Test
	void shouldSkipMalformedAlertAndContinueWhenRecordIsNotAnAlert() {
		String alertId = ruleId + "-after-poison";

		kafka.send(TOPIC, "poison", "{not json").join();
		kafka.send(TOPIC, "poison-2", "{\"id\":\"x\"}").join();
		kafka.send(TOPIC, alertId, TestAlerts.alert(alertId, ruleId, "low", "wkstn-8", Instant.now(), "whoami")).join();

		await().atMost(TIMEOUT).until(() -> incidentIdOf(alertId), id -> id != null);
	}

	@Test
	void shouldIgnoreAnAlertWhenItsTransactionWasAborted() throws Exception {
		String aborted = ruleId + "-aborted";
		String committed = ruleId + "-committed";
		Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				kafkaAdmin.getConfigurationProperties().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID());
		// as Kafka Streams (exactly_once_v2) leaves it when an instance dies mid-transaction; same partition, so the
		// committed alert is read after the aborted one
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
				new StringSerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, 0, aborted,
					TestAlerts.alert(aborted, ruleId, "high", "wkstn-10", Instant.now(), "whoami"))).get();
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, 0, committed,
					TestAlerts.alert(committed, ruleId, "high", "wkstn-10", Instant.now(), "whoami"))).get();
			producer.commitTransaction();
		}

		await().atMost(TIMEOUT).until(() -> incidentIdOf(committed), id -> id != null);
		assertThat(incidentIdOf(aborted)).isNull();
	}

	@Test
	void shouldRejectLoginWhenPasswordIsWrong() throws Exception {
		mockMvc.perform(formLogin("/login").user("admin").password("not-the-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	private long alertCountOf(long incidentId) {
		return jdbc.sql("SELECT alert_count FROM incidents WHERE id = ?").param(incidentId).query(Long.class).single();
	}

	private MockHttpSession login(String user, String password) throws Exception {
		MvcResult result = mockMvc.perform(formLogin("/login").user(user).password(password))
			.andExpect(authenticated().withUsername(user).withRoles("ANALYST"))
			.andExpect(redirectedUrl("/incidents"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
