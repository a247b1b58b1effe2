package io.iterdef.web.notify;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. Each batch is claimed with FOR UPDATE SKIP LOCKED, sent, and marked sent (or failed,
 * with the next attempt after an exponential back-off) in the same transaction, so two instances never send
 * the same row. At least once, not more, at one edge: if the process dies after a send and before the commit,
 * the row is sent again later; receivers can drop the repeat by its Message-ID / Idempotency-Key.
 */
@Component
@ConditionalOnProperty(name = "iterdef.escalation.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	static final int BATCH = 10;

	private final NotificationRepository outbox;

	private final MailChannel mail;

	private final WebhookChannel webhook;

	private final TransactionTemplate tx;

	private final Backoff backoff;

	private final int maxAttempts;

	private final String instance;

	NotificationSender(NotificationRepository outbox, MailChannel mail, WebhookChannel webhook, TransactionTemplate tx,
			@Value("${iterdef.notify.backoff-initial:PT5S}") Duration backoffInitial,
			@Value("${iterdef.notify.backoff-max:PT1H}") Duration backoffMax,
			@Value("${iterdef.notify.max-attempts:8}") int maxAttempts) {
		this.outbox = outbox;
		this.mail = mail;
		this.webhook = webhook;
		this.tx = tx;
		this.backoff = new Backoff(backoffInitial, backoffMax);
		this.maxAttempts = maxAttempts;
		this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Scheduled(fixedDelayString = "${iterdef.escalation.poll-interval:PT5S}", initialDelayString = "${iterdef.escalation.poll-interval:PT5S}")
	void poll() {
		try {
			Integer handled;
			do {
				handled = tx.execute(status -> sendBatch());
			}
			while (handled != null && handled == BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Notification delivery poll failed (retried at the next poll): {}", ex.toString());
		}
	}

	/** Claims, sends and marks one batch; returns how many rows it claimed. */
	int sendBatch() {
		List<NotificationRepository.Due> due = outbox.claimDue(BATCH);
		for (NotificationRepository.Due n : due) {
			try {
				if ("email".equals(n.channel())) {
					mail.send(n.id(), n.recipient(), n.subject(), n.body());
				}
				else {
					webhook.send(n.id(), n.recipient(), n.payloadJson());
				}
				outbox.markSent(n.id(), instance);
			}
			catch (DeliveryException ex) {
				int attempts = n.attempts() + 1;
				Instant retryAt = attempts >= maxAttempts ? null
						: Instant.now().plus(backoff.delayAfter(attempts, ThreadLocalRandom.current().nextDouble()));
				outbox.markAttemptFailed(n.id(), ex.getMessage(), retryAt);
				log.info("Notification {} to {} failed (attempt {} of {}): {}", n.id(), n.recipient(), attempts,
						maxAttempts, ex.getMessage());
			}
		}
		return due.size();
	}

	String instance() {
		return instance;
	}

}
