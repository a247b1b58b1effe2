package io.iterdef.web.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.iterdef.web.IncidentWebApplication;
import io.iterdef.web.StackSupport;
import io.iterdef.web.notify.Notification;
import io.iterdef.web.notify.NotificationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static io.iterdef.web.escalation.EscalationFixtures.level;
import static io.iterdef.web.escalation.EscalationFixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook notifications against a real HTTP receiver in the test, with TWO application instances (this test's
 * and a second full IncidentWebApplication on the same database) running the escalation scheduler and the
 * sender: each notification is POSTed exactly once; a failing receiver is retried with back-off; an incident
 * keeps the policy version it started under.
 */
class EscalationWebhookIT extends StackSupport {

	/** One POST as the receiver saw it. */
	record Post(String path, String notificationId, String idempotencyKey, JsonNode body, Instant at) {
	}

	private static HttpServer receiver;

	private static final List<Post> posts = new CopyOnWriteArrayList<>();

	/** Paths under /flaky/ answer 500 to their first POST. */
	private static final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

	private static ConfigurableApplicationContext secondInstance;

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PolicyRepository policies;

	@Autowired
	private EscalationRepository escalations;

	@Autowired
	private NotificationRepository notifications;

	@Autowired
	private Environment environment;

	private EscalationFixtures fixtures;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.setExecutor(Executors.newFixedThreadPool(4));
		receiver.createContext("/", EscalationWebhookIT::receive);
		receiver.start();
	}

	private static void receive(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String path = exchange.getRequestURI().getPath();
			JsonNode body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			posts.add(new Post(path, exchange.getRequestHeaders().getFirst("X-Iterdef-Notification-Id"),
					exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, Instant.now()));
			int status = 200;
			if (path.startsWith("/flaky/") && failedOnce.add(path)) {
				status = 500;
			}
			else if (path.startsWith("/slow/")) {
				sleepQuietly(150); // keeps the sending transaction open, so the instances overlap
			}
			byte[] answer = (status == 200 ? "ok" : "receiver down").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
		}
		finally {
			exchange.close();
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@BeforeEach
	void startSecondInstance() {
		fixtures = new EscalationFixtures(jdbc, policies);
		if (secondInstance != null) {
			return;
		}
		secondInstance = new SpringApplicationBuilder(IncidentWebApplication.class).run(
				"--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
				"--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
				"--spring.kafka.listener.auto-startup=false",
				"--spring.kafka.consumer.group-id=iterdef-incident-web-it-second-" + UUID.randomUUID(),
				"--server.port=0", "--spring.main.banner-mode=off", "--spring.flyway.out-of-order=true",
				"--iterdef.admin.password=it-admin-password", "--iterdef.escalation.poll-interval=PT1S",
				"--iterdef.notify.backoff-initial=PT1S", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + SMTP_PORT);
	}

	@AfterAll
	static void stop() {
		if (secondInstance != null) {
			secondInstance.close();
			secondInstance = null;
		}
		receiver.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	private static List<Post> postsTo(String path) {
		return posts.stream().filter(p -> p.path().equals(path)).toList();
	}

	@Test
	void shouldPostEachNotificationExactlyOnceWhenTwoInstancesRunTheScheduler() {
		assertThat(secondInstance.getBean("escalationScheduler")).isNotNull();
		assertThat(secondInstance.getBean("notificationSender")).isNotNull();
		String rule = EscalationFixtures.randomRule();
		String first = "/slow/" + rule + "/level1";
		String second = "/slow/" + rule + "/level2";
		fixtures.policy(rule, 0, level(0, webhook(url(first))), level(2, webhook(url(second))));
		List<Long> incidents = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			incidents.add(fixtures.incident(rule, "host-" + i + "-" + rule));
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> postsTo(first).size() + postsTo(second).size() >= 24);
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> postsTo(first).size() == 12 && postsTo(second).size() == 12);

		List<Notification> rows = incidents.stream().flatMap(id -> notifications.forIncident(id).stream()).toList();
		assertThat(rows).hasSize(24).allSatisfy(n -> {
			assertThat(n.status()).isEqualTo("sent");
			assertThat(n.attempts()).isEqualTo(1);
		});
		List<String> postedIds = posts.stream()
			.filter(p -> p.path().startsWith("/slow/" + rule + "/"))
			.map(Post::notificationId)
			.toList();
		assertThat(postedIds).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(rows.stream().map(n -> Long.toString(n.id())).toList());
		assertThat(postsTo(first)).allSatisfy(p -> {
			assertThat(p.idempotencyKey()).isEqualTo("iterdef-notification-" + p.notificationId());
			assertThat(p.body().path("notification_id").asString()).isEqualTo(p.notificationId());
			assertThat(p.body().path("level").asInt()).isEqualTo(1);
			assertThat(incidents).contains(p.body().path("incident_id").asLong());
			assertThat(p.body().path("severity").asString()).isEqualTo("high");
			assertThat(p.body().path("url").asString()).endsWith("/incidents/" + p.body().path("incident_id").asLong());
		});
		Map<String, Long> bySender = new TreeMap<>(rows.stream().collect(Collectors.groupingBy(Notification::sentBy, Collectors.counting())));
		System.out.println("Webhook notifications sent per instance: " + bySender);
	}

	@Test
	void shouldRetryWithBackoffAndEndSentWhenWebhookFailsOnce() {
		String rule = EscalationFixtures.randomRule();
		String path = "/flaky/" + rule;
		fixtures.policy(rule, 0, level(0, webhook(url(path))));
		long incident = fixtures.incident(rule, "host-" + rule);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> notifications.forIncident(incident).stream().anyMatch(n -> "sent".equals(n.status())));

		Notification n = notifications.forIncident(incident).get(0);
		assertThat(n.attempts()).isEqualTo(2);
		List<Post> tries = postsTo(path);
		assertThat(tries).hasSize(2).extracting(Post::notificationId).containsOnly(Long.toString(n.id()));
		assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).as("back-off of at least half the initial 1 s")
			.isGreaterThanOrEqualTo(Duration.ofMillis(450));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE incident_id = ? AND action = 'escalation.level'")
			.param(incident)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldKeepPolicyVersionItStartedUnderWhenPolicyIsEdited() {
		String rule = EscalationFixtures.randomRule();
		long policy = fixtures.policy(rule, 0, level(0, webhook(url("/v1/" + rule + "/l1"))),
				level(3, webhook(url("/v1/" + rule + "/l2"))));
		long before = fixtures.incident(rule, "before-" + rule);
		await().atMost(Duration.ofSeconds(20)).until(() -> postsTo("/v1/" + rule + "/l1").size() == 1);

		int version = policies.update(policy, EscalationFixtures.draft(rule, 0, level(0, webhook(url("/v2/" + rule + "/l1"))),
				level(3, webhook(url("/v2/" + rule + "/l2")))), "it-lead");
		long after = fixtures.incident(rule, "after-" + rule);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> postsTo("/v1/" + rule + "/l2").size() == 1 && postsTo("/v2/" + rule + "/l2").size() == 1);

		assertThat(version).isEqualTo(2);
		assertThat(escalations.find(before)).map(IncidentEscalation::version).contains(1);
		assertThat(escalations.find(after)).map(IncidentEscalation::version).contains(2);
		assertThat(postsTo("/v1/" + rule + "/l2").get(0).body().path("incident_id").asLong()).isEqualTo(before);
		assertThat(postsTo("/v2/" + rule + "/l1")).extracting(p -> p.body().path("incident_id").asLong()).containsExactly(after);
		assertThat(postsTo("/v2/" + rule + "/l2")).extracting(p -> p.body().path("incident_id").asLong()).containsExactly(after);
	}

}
