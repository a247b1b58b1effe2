package io.iterdef.agent.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Reads and writes this run's topics (read_committed, as the downstream consumers read). */
final class KafkaProbe implements AutoCloseable {

	private final Map<String, Object> client;

	private final KafkaProducer<byte[], byte[]> producer;

	KafkaProbe(String bootstrap, Map<String, String> clientProperties) {
		this.client = new HashMap<>(clientProperties);
		this.client.put("bootstrap.servers", bootstrap);
		Map<String, Object> p = new HashMap<>(client);
		p.put(ProducerConfig.ACKS_CONFIG, "all");
		this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
	}

	void createTopics(int partitions, String... names) {
		try (Admin admin = Admin.create(client)) {
			for (String name : names) {
				try {
					admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("cannot create topic " + name, ex);
					}
				}
			}
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException("cannot create topics " + List.of(names), ex);
		}
	}

	/** Sends one record and waits for Kafka's acknowledgement. */
	void send(String topic, String key, byte[] value, Map<String, String> headers) {
		RecordHeaders h = new RecordHeaders();
		headers.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
		try {
			producer.send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), value, h))
				.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot send to " + topic, ex);
		}
	}

	/** Every record of {@code topic} now visible (from the start to the last stable offsets) that matches. */
	List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<ConsumerRecord<byte[], byte[]>> filter) {
		Map<String, Object> p = new HashMap<>(client);
		p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			if (!c.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
				return found;
			}
			List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
				.map(i -> new TopicPartition(i.topic(), i.partition()))
				.toList();
			c.assign(partitions);
			c.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(10));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("could not read " + topic + " up to " + end + " within 30 s");
				}
				for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
					if (filter.test(r)) {
						found.add(r);
					}
				}
			}
		}
		return found;
	}

	static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		var h = record.headers().lastHeader(name);
		return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
	}

	static String value(ConsumerRecord<byte[], byte[]> record) {
		return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
	}

	Set<String> topics() {
		try (Admin admin = Admin.create(client)) {
			return admin.listTopics().names().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		producer.close(Duration.ofSeconds(5));
	}

}
