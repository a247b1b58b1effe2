package io.iterdef.bench.system.pipeline;

import io.iterdef.kb.event.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the run's alerts topic from its start (read_committed, as incident-web does: an alert counts when its
 * transaction committed), on a thread of its own, without a consumer group. Each alert of the marked rule on a marker
 * host goes to the current {@link LatencyBook} with its arrival time.
 */
final class AlertWatcher implements AutoCloseable {
	private final KafkaConsumer<byte[], byte[]> consumer;

	private final LoadMix mix;

	private final AtomicReference<LatencyBook> book = new AtomicReference<>(new LatencyBook());

	private final AtomicLong alerts = new AtomicLong();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final Thread thread;

	private volatile boolean closing;

	AlertWatcher(String bootstrap, String topic, int partitions, LoadMix mix) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
				.mapToObj(p -> new TopicPartition(topic, p)).toList();
		consumer.assign(all);
		consumer.seekToBeginning(all);
		this.mix = mix;
		this.thread = new Thread(this::poll, "bench-alert-watcher");
		thread.setDaemon(true);
		thread.start();
	}

	/** From now on, marked alerts go to {@code next}. */
	void use(LatencyBook next) {
		book.set(next);
	}

	/** Every alert read so far (any rule, any host). */
	long alerts() {
		return alerts.get();
	}

	/** Fails when the consumer thread failed (the latencies would be wrong). */
	void check() {
		Throwable t = failure.get();
		if (t != null) {
			throw new IllegalStateException("the alerts consumer failed: " + t, t);
		}
	}

	private void poll() {
		try {
			while (!closing) {
				for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
					long arrival = System.nanoTime();
					alerts.incrementAndGet();
					Alert alert = Alert.fromJson(r.value());
					long seq = mix.markerOf(alert.getHostName());
					if (seq >= 0 && LoadMix.RULE.equals(alert.getRuleName())) {
						book.get().arrived(seq, arrival);
					}
				}
			}
		}
		catch (WakeupException e) {
			// closing
		}
		catch (RuntimeException e) {
			failure.set(e);
		}
		finally {
			consumer.close(Duration.ofSeconds(5));
		}
	}

	@Override
	public void close() throws InterruptedException {
		closing = true;
		consumer.wakeup();
		thread.join(10_000);
	}
}
