package io.iterdef.bench.system.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a loaded topic from the beginning with a plain KafkaConsumer (assigned every partition: no group join) and
 * hands each record to a handler, in whole passes over the topic until a minimum time has passed: the records/s of
 * reading plus handling.
 */
final class TopicReader {
	private static final Duration STALL = Duration.ofSeconds(30);

	/** What is done with each record (parse, decode ...); its result goes to a sink so the JIT cannot drop it. */
	@FunctionalInterface
	public interface Handler {
		Object handle(ConsumerRecord<byte[], byte[]> record) throws Exception;
	}

	/** Records read and the time it took. */
	public record Rate(long records, long nanos) {
		public double perSecond() {
			return records * 1e9 / nanos;
		}
	}

	private TopicReader() {
	}

	/**
	 * @param count       the records in the topic
	 * @param minDuration keep making passes until this has passed (zero: one pass)
	 */
	public static Rate read(String bootstrap, String topic, int partitions, long count, Duration minDuration,
			Handler handler) throws Exception {
		Map<String, Object> props = new HashMap<>();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		List<TopicPartition> all = new java.util.ArrayList<>();
		for (int p = 0; p < partitions; p++) {
			all.add(new TopicPartition(topic, p));
		}
		long sink = 0;
		long start = System.nanoTime();
		long read = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.assign(all);
			do {
				consumer.seekToBeginning(all);
				long pass = 0;
				long lastProgress = System.nanoTime();
				while (pass < count) {
					for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
						Object out = handler.handle(r);
						sink += out == null ? 0 : 1;
						pass++;
						lastProgress = System.nanoTime();
					}
					if (System.nanoTime() - lastProgress > STALL.toNanos()) {
						throw new IllegalStateException("read " + pass + " of " + count + " records of " + topic
								+ ", then nothing for " + STALL.toSeconds() + " s");
					}
				}
				if (pass != count) {
					throw new IllegalStateException("read " + pass + " records of " + topic + ", expected " + count);
				}
				read += pass;
			}
			while (System.nanoTime() - start < minDuration.toNanos());
		}
		long nanos = System.nanoTime() - start;
		if (sink < 0) {
			System.out.println(sink); // never: keeps the handler's results alive
		}
		return new Rate(read, nanos);
	}
}
