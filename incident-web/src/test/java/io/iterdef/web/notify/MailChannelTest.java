package io.iterdef.web.notify;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailChannelTest {

	@Test
	void shouldFailWithClearErrorWhenNoSmtpServerIsConfigured() {
		MailChannel mail = new MailChannel(new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
				"iterdef@localhost", "http://127.0.0.1:8080");

		assertThatThrownBy(() -> mail.send(1, "soc@example.org", "s", "b")).isInstanceOf(DeliveryException.class)
			.hasMessage("no SMTP server configured: set ITERDEF_SMTP_HOST (and ITERDEF_SMTP_PORT)");
	}

	@Test
	void shouldDeriveMessageIdFromNotificationId() {
		assertThat(MailChannel.messageId(42, "iterdef.example.org")).isEqualTo("<iterdef-notification-42@iterdef.example.org>");
	}

}
