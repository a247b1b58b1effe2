package io.iterdef.web.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The newest few dead letters' reasons (header {@value #HEADER}, written by the normalize topology), read with a
 * short-lived consumer (no group, nothing committed) from the last offsets of each partition, until every
 * partition's end or the deadline.
 */
final class DeadLetterReasons {

	/** io.iterdef.streams.topic.Topics.HEADER_DLQ_REASON (streams-app is not a dependency of the web app). */
	static final String HEADER = "iterdef.dlq.reason";

	static final int NEWEST = 3;

	static final int MAX_REASON_LENGTH = 300;

	/** A dead letter's time (the record's timestamp) and why it was refused. */
	record Reason(Instant time, String reason) {
	}

	private DeadLetterReasons() {
	}

	static List<Reason> newest(Map<String, Object> clientConfig, Map<TopicPartition, Long> starts,
			Map<TopicPartition, Long> ends, long deadlineNanos) {
		Map<String, Object> config = new HashMap<>(clientConfig);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		List<TopicPartition> partitions = ends.keySet().stream().filter(p -> ends.get(p) > starts.get(p)).toList();
		if (partitions.isEmpty()) {
			return List.of();
		}
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
		try {
			consumer.assign(partitions);
			partitions.forEach(p -> consumer.seek(p, Math.max(starts.get(p), ends.get(p) - NEWEST)));
			while (!atEnd(consumer, partitions, ends) && System.nanoTime() < deadlineNanos) {
				long left = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(Math.min(200, left)))) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						records.add(record);
					}
				}
			}
		}
		finally {
			consumer.close(Duration.ZERO);
		}
		return records.stream()
			.sorted(Comparator.comparingLong((ConsumerRecord<byte[], byte[]> r) -> r.timestamp()).reversed())
			.limit(NEWEST)
			.map(r -> new Reason(Instant.ofEpochMilli(r.timestamp()), reason(r)))
			.toList();
	}

	private static boolean atEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> ends) {
		return partitions.stream().allMatch(p -> consumer.position(p, Duration.ofMillis(500)) >= ends.get(p));
	}

	private static String reason(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(HEADER);
		if (header == null || header.value() == null) {
			return "(no reason header)";
		}
		String text = new String(header.value(), StandardCharsets.UTF_8);
		return text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) + "…" : text;
	}

}
