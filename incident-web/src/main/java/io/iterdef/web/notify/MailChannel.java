package io.iterdef.web.notify;

import java.net.URI;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notification mails through Spring's JavaMailSender (configured by ITERDEF_SMTP_*). Each mail's
 * Message-ID is derived from the notification id, so a mail sent twice (see the outbox's at-least-once edge)
 * can be recognised by the receiving side.
 */
@Component
class MailChannel {

	static final String NOT_CONFIGURED = "no SMTP server configured: set ITERDEF_SMTP_HOST (and ITERDEF_SMTP_PORT)";

	private final ObjectProvider<JavaMailSender> mailSender;

	private final String from;

	private final String messageIdDomain;

	MailChannel(ObjectProvider<JavaMailSender> mailSender, @Value("${iterdef.notify.mail-from:iterdef@localhost}") String from,
			@Value("${iterdef.public-url:http://127.0.0.1:8080}") String publicUrl) {
		this.mailSender = mailSender;
		this.from = from;
		String host = URI.create(publicUrl).getHost();
		this.messageIdDomain = host == null ? "iterdef" : host;
	}

	static String messageId(long notificationId, String domain) {
		return "<iterdef-notification-" + notificationId + "@" + domain + ">";
	}

	void send(long notificationId, String to, String subject, String body) throws DeliveryException {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			throw new DeliveryException(NOT_CONFIGURED);
		}
		String messageId = messageId(notificationId, messageIdDomain);
		Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession()
				: Session.getInstance(new Properties());
		MimeMessage message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body);
			message.setHeader("X-Iterdef-Notification-Id", Long.toString(notificationId));
			sender.send(message);
		}
		catch (MessagingException | MailException ex) {
			throw new DeliveryException("mail to " + to + " failed: " + rootMessage(ex));
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t == ex ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + t.getMessage() + ")";
	}

}
