package io.iterdef.web.dashboard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The number of records in the dead-letter topic ({@code ITERDEF_TOPIC_PREFIX} + iterdef.dlq, or
 * {@code iterdef.dashboard.dlq-topic}): the sum over its partitions of end offset minus start offset, from
 * Kafka's Admin API within {@link #TIMEOUT}. Kafka down or slow gives "unknown (Kafka not reachable)", never an
 * error page. The newest few reasons are read too ({@link DeadLetterReasons}) within the same time. A short-lived Admin client per call: the dashboard is read now and then, and a client kept open
 * would keep reconnecting while Kafka is down.
 */
@Component
class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	static final Duration TIMEOUT = Duration.ofSeconds(3);

	static final Duration REASONS_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * @param topic the topic counted
	 * @param records the record count, null when unknown
	 * @param text what the page shows: the count, "0 (no dead-letter topic yet)" or "unknown (...)"
	 * @param newest the newest few dead letters' reasons, newest first (empty when unknown or none)
	 */
	record Count(String topic, Long records, String text, List<DeadLetterReasons.Reason> newest) {
	}

	private final Map<String, Object> adminConfig;

	private final String topic;

	@Autowired
	DeadLetters(KafkaAdmin kafkaAdmin,
			@Value("${iterdef.dashboard.dlq-topic:${ITERDEF_TOPIC_PREFIX:}iterdef.dlq}") String topic) {
		this(kafkaAdmin.getConfigurationProperties(), topic);
	}

	DeadLetters(Map<String, Object> adminConfig, String topic) {
		Map<String, Object> config = new HashMap<>(adminConfig);
		int timeoutMs = (int) TIMEOUT.toMillis();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
		config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
		this.adminConfig = Map.copyOf(config);
		this.topic = topic;
	}

	String topic() {
		return topic;
	}

	Count count() {
		return count(topic);
	}

	Count count(String topicName) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		Admin admin;
		try {
			admin = Admin.create(adminConfig);
		}
		catch (RuntimeException ex) {
			return unknown(topicName, ex);
		}
		try {
			TopicDescription description;
			try {
				description = admin.describeTopics(List.of(topicName))
					.allTopicNames()
					.get(remaining(deadline), TimeUnit.MILLISECONDS)
					.get(topicName);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
					return new Count(topicName, 0L, "0 (no dead-letter topic yet)", List.of());
				}
				throw ex;
			}
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			description.partitions().forEach(p -> {
				earliest.put(new TopicPartition(topicName, p.partition()), OffsetSpec.earliest());
				latest.put(new TopicPartition(topicName, p.partition()), OffsetSpec.latest());
			});
			ListOffsetsOptions options = new ListOffsetsOptions().timeoutMs((int) TIMEOUT.toMillis());
			Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest, options)
				.all()
				.get(remaining(deadline), TimeUnit.MILLISECONDS);
			Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest, options)
				.all()
				.get(remaining(deadline), TimeUnit.MILLISECONDS);
			Map<TopicPartition, Long> startOffsets = new HashMap<>();
			Map<TopicPartition, Long> endOffsets = new HashMap<>();
			long records = 0;
			for (var end : ends.entrySet()) {
				startOffsets.put(end.getKey(), starts.get(end.getKey()).offset());
				endOffsets.put(end.getKey(), end.getValue().offset());
				records += end.getValue().offset() - starts.get(end.getKey()).offset();
			}
			return new Count(topicName, records, Long.toString(records), newest(startOffsets, endOffsets,
					System.nanoTime() + REASONS_TIMEOUT.toNanos()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unknown(topicName, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return unknown(topicName, ex);
		}
		finally {
			// no waiting for requests still pending (Kafka down): the page has its answer
			admin.close(Duration.ZERO);
		}
	}

	/** The newest reasons within the deadline; none when reading them fails (the count stands). */
	private List<DeadLetterReasons.Reason> newest(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends,
			long deadline) {
		try {
			return DeadLetterReasons.newest(adminConfig, starts, ends, deadline);
		}
		catch (RuntimeException ex) {
			log.warn("Newest dead-letter reasons not read: {}", ex.toString());
			return List.of();
		}
	}

	private static long remaining(long deadline) {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
	}

	private static Count unknown(String topicName, Exception ex) {
		log.warn("Dead-letter count of {} unknown: {}", topicName, ex.toString());
		return new Count(topicName, null, "unknown (Kafka not reachable)", List.of());
	}

}
