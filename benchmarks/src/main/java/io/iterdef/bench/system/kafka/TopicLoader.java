package io.iterdef.bench.system.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes a benchmark's input into its topic before the measurement, with the collector's producer settings. */
public final class TopicLoader {

	private TopicLoader() {
	}

	/**
	 * Sends {@code count} records made by {@code record} (given the record's number) and waits until Kafka has all of
	 * them; fails on the first send that failed.
	 */
	public static void load(String bootstrap, long count, LongFunction<ProducerRecord<byte[], byte[]>> record)
			throws InterruptedException {
		Map<String, Object> props = new HashMap<>(CollectorProducer.properties(bootstrap));
		props.put("client.id", "bench-loader");
		// the collector gives up on a full buffer after its send timeout (to answer 503); the loader waits its turn
		props.put("max.block.ms", 120_000);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
			AtomicReference<Exception> failure = new AtomicReference<>();
			Future<RecordMetadata> last = null;
			for (long i = 0; i < count && failure.get() == null; i++) {
				last = producer.send(record.apply(i), (metadata, error) -> {
					if (error != null) {
						failure.compareAndSet(null, error);
					}
				});
			}
			producer.flush();
			if (last != null) {
				last.get(60, TimeUnit.SECONDS);
			}
			if (failure.get() != null) {
				throw failure.get();
			}
		}
		catch (InterruptedException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot load the benchmark topic: " + e, e);
		}
	}

	/** A record whose partition follows its key, as the collector's records do. */
	public static ProducerRecord<byte[], byte[]> record(String topic, byte[] key, byte[] value) {
		return new ProducerRecord<>(topic, null, key, value, List.of());
	}
}
