package io.iterdef.web.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.iterdef.web.StackSupport;
import io.iterdef.web.notify.Notification;
import io.iterdef.web.notify.NotificationRepository;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.iterdef.web.escalation.EscalationFixtures.email;
import static io.iterdef.web.escalation.EscalationFixtures.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation by mail against the real PostgreSQL and a real SMTP server (GreenMail): levels fire after their
 * delays, each mail once; acknowledging stops the next level; SLA crossings are recorded once.
 */
class EscalationMailIT extends StackSupport {

	private static GreenMail smtp;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PolicyRepository policies;

	@Autowired
	private EscalationRepository escalations;

	@Autowired
	private NotificationRepository notifications;

	private EscalationFixtures fixtures;

	@BeforeAll
	static void startSmtp() {
		smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@BeforeEach
	void fixtures() {
		fixtures = new EscalationFixtures(jdbc, policies);
	}

	private static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static String address(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	@Test
	void shouldEscalateToLevelTwoAfterItsDelayAndMailEachLevelOnceWhenNotAcknowledged() throws Exception {
		String rule = EscalationFixtures.randomRule();
		String first = address("level1");
		String second = address("level2");
		fixtures.policy(rule, 0, level(0, email(first)), level(3, email(second)));

		long incident = fixtures.incident(rule, "host-" + rule);

		await().atMost(Duration.ofSeconds(40)).until(() -> mailsTo(second).size() == 1);
		// one more poll cycle and then some: still exactly one mail per level
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> mailsTo(first).size() == 1 && mailsTo(second).size() == 1);

		List<Notification> sent = notifications.forIncident(incident);
		assertThat(sent).extracting(Notification::level, Notification::recipient, Notification::status, Notification::attempts)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, first, "sent", 1),
					org.assertj.core.groups.Tuple.tuple(2, second, "sent", 1));
		Instant created = fixtures.createdAt(incident);
		assertThat(sent.get(1).createdAt()).as("level 2 waits its 3 s delay").isAfterOrEqualTo(created.plusSeconds(3));
		MimeMessage mail = mailsTo(second).get(0);
		assertThat(mail.getSubject()).startsWith("[Iterdef] Escalation level 2: #" + incident + " ");
		assertThat(mail.getHeader("Message-ID")).containsExactly("<iterdef-notification-" + sent.get(1).id() + "@127.0.0.1>");
		assertThat(String.valueOf(mail.getContent())).contains("/incidents/" + incident);
		assertThat(escalations.find(incident)).hasValueSatisfying(e -> {
			assertThat(e.stopReason()).isEqualTo("all levels done");
			assertThat(e.version()).isEqualTo(1);
		});
		assertThat(fixtures.auditCount(incident, "escalation.level")).isEqualTo(2);
	}

	@Test
	void shouldNotSendNextLevelWhenAcknowledgedAfterLevelOne() {
		String rule = EscalationFixtures.randomRule();
		String first = address("ack1");
		String second = address("ack2");
		fixtures.policy(rule, 0, level(0, email(first)), level(8, email(second)));
		long incident = fixtures.incident(rule, "host-" + rule);
		Instant levelTwoDue = fixtures.createdAt(incident).plusSeconds(8);

		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(first).size() == 1);
		fixtures.acknowledge(incident);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> escalations.find(incident).map(IncidentEscalation::stopReason).orElse(""), "acknowledged"::equals);
		// past level 2's due time and a few polls: no level-2 mail, no level-2 notification
		Duration untilPastDue = Duration.between(Instant.now(), levelTwoDue.plusSeconds(3));
		if (!untilPastDue.isNegative()) {
			await().during(untilPastDue).atMost(untilPastDue.plusSeconds(5)).until(() -> mailsTo(second).isEmpty());
		}
		assertThat(mailsTo(second)).isEmpty();
		assertThat(notifications.forIncident(incident)).extracting(Notification::level).containsExactly(1);
		assertThat(fixtures.auditCount(incident, "escalation.stop")).isEqualTo(1);
	}

	@Test
	void shouldRecordEachSlaWarningAndBreachOnceWhenTargetsAreTiny() {
		String rule = EscalationFixtures.randomRule();
		long incident = fixtures.incidentWithSla(rule, 2, 4);

		await().atMost(Duration.ofSeconds(20)).until(() -> slaEvents(incident) == 4);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> slaEvents(incident) == 4);

		assertThat(jdbc.sql("SELECT phase || ':' || level FROM incident_sla_events WHERE incident_id = ?")
			.param(incident)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("ack:warning", "ack:breached", "resolve:warning", "resolve:breached");
		assertThat(fixtures.auditCount(incident, "sla.warning")).isEqualTo(2);
		assertThat(fixtures.auditCount(incident, "sla.breach")).isEqualTo(2);
	}

	@Test
	void shouldMailSlaBreachOnceToLevelOneTargetsWhenIncidentHasAPolicy() {
		String rule = EscalationFixtures.randomRule();
		String lead = address("sla");
		fixtures.policy(rule, 0, level(3600, email(lead)));
		long incident = fixtures.incidentWithSla(rule, 3, 3600);

		await().atMost(Duration.ofSeconds(20)).until(() -> subjects(lead).stream().anyMatch(s -> s.startsWith("[Iterdef] SLA breach")));
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(6))
			.until(() -> subjects(lead).stream().filter(s -> s.startsWith("[Iterdef] SLA breach")).count() == 1);

		assertThat(subjects(lead)).allMatch(s -> s.startsWith("[Iterdef] SLA") && s.contains("#" + incident + " "));
		assertThat(notifications.forIncident(incident)).extracting(Notification::kind).contains("sla_breach");
	}

	private List<String> subjects(String address) {
		return mailsTo(address).stream().map(m -> {
			try {
				return m.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private long slaEvents(long incident) {
		return jdbc.sql("SELECT count(*) FROM incident_sla_events WHERE incident_id = ?").param(incident).query(Long.class).single();
	}

}
