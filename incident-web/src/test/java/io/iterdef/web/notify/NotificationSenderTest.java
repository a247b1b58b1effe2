package io.iterdef.web.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class NotificationSenderTest {

	private final NotificationRepository outbox = mock(NotificationRepository.class);

	private final WebhookChannel webhook = mock(WebhookChannel.class);

	private final MailChannel noSmtp = new MailChannel(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
			"iterdef@localhost", "http://127.0.0.1:8080");

	private final NotificationSender sender = new NotificationSender(outbox, noSmtp, webhook, mock(TransactionTemplate.class),
			Duration.ofSeconds(5), Duration.ofHours(1), 3);

	private static NotificationRepository.Due mail(long id, int attempts) {
		return new NotificationRepository.Due(id, "email", "soc@example.org", "s", "b", "{}", attempts);
	}

	@Test
	void shouldKeepMailPendingWithClearErrorAndBackoffWhenNoSmtpServerIsConfigured() {
		given(outbox.claimDue(NotificationSender.BATCH)).willReturn(List.of(mail(1, 0)));
		Instant before = Instant.now();

		sender.sendBatch();

		then(outbox).should()
			.markAttemptFailed(eq(1L), eq(MailChannel.NOT_CONFIGURED),
					argThat(retryAt -> !retryAt.isBefore(before.plusMillis(2500)) && !retryAt.isAfter(Instant.now().plusSeconds(5))));
		then(outbox).should(never()).markSent(anyLong(), anyString());
	}

	@Test
	void shouldGiveUpAfterMaxAttempts() {
		given(outbox.claimDue(NotificationSender.BATCH)).willReturn(List.of(mail(2, 2)));

		sender.sendBatch();

		then(outbox).should().markAttemptFailed(eq(2L), eq(MailChannel.NOT_CONFIGURED), isNull());
	}

	@Test
	void shouldMarkSentByThisInstanceWhenWebhookAccepts() throws Exception {
		given(outbox.claimDue(NotificationSender.BATCH))
			.willReturn(List.of(new NotificationRepository.Due(3, "webhook", "http://h/x", "s", "b", "{}", 0)));

		assertThat(sender.sendBatch()).isEqualTo(1);

		then(webhook).should().send(3, "http://h/x", "{}");
		then(outbox).should().markSent(3, sender.instance());
	}

}
