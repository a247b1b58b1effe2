package io.iterdef.web.alert;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.TransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Error handling of the alert listener: database failures (the database is down, a deadlock, ...) are
 * retried with back-off, without end and without committing the offset, so no alert is lost; a malformed
 * alert is logged and skipped (a dead-letter topic for alerts comes later); anything else (including a
 * record the database refuses) is retried a few times, then logged and skipped so one bad record cannot
 * block the partition forever.
 */
@Configuration(proxyBeanMethods = false)
class AlertListenerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AlertListenerConfiguration.class);

	static final Duration DB_RETRY_INITIAL = Duration.ofMillis(500);

	static final Duration DB_RETRY_MAX = Duration.ofSeconds(30);

	@Bean
	DefaultErrorHandler alertErrorHandler() {
		DefaultErrorHandler handler = new DefaultErrorHandler(AlertListenerConfiguration::skip, new FixedBackOff(1000, 2));
		handler.addNotRetryableExceptions(AlertParseException.class);
		handler.setBackOffFunction((record, ex) -> isDatabaseFailure(ex) ? databaseBackOff() : null);
		return handler;
	}

	/** The topic, in case incident-web starts before the services that produce to it. */
	@Bean
	NewTopic alertsTopic(@Value("${iterdef.topics.alerts:iterdef.alerts}") String name,
			@Value("${iterdef.topics.partitions:3}") int partitions,
			@Value("${iterdef.topics.replication:1}") short replication) {
		return TopicBuilder.name(name).partitions(partitions).replicas(replication).build();
	}

	static BackOff databaseBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(DB_RETRY_INITIAL.toMillis(), 2.0);
		backOff.setMaxInterval(DB_RETRY_MAX.toMillis());
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		return backOff;
	}

	/**
	 * True for failures of the database itself (unreachable, restarting, a lock timeout, ...), which end by
	 * themselves; false for a record the database refuses (a constraint, invalid data), which retrying
	 * cannot fix.
	 */
	static boolean isDatabaseFailure(Throwable ex) {
		boolean database = false;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataIntegrityViolationException) {
				return false;
			}
			database |= t instanceof DataAccessException || t instanceof TransactionException;
		}
		return database;
	}

	private static void skip(ConsumerRecord<?, ?> record, Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && !(cause instanceof AlertParseException)) {
			cause = cause.getCause();
		}
		if (cause instanceof AlertParseException) {
			log.error("Skipping malformed alert at {}-{}@{} (key {}): {}", record.topic(), record.partition(),
					record.offset(), record.key(), cause.getMessage());
		}
		else {
			log.error("Skipping alert at {}-{}@{} (key {}) after retries", record.topic(), record.partition(),
					record.offset(), record.key(), ex);
		}
	}

}
