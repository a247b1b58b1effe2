package io.iterdef.bench.system.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.bench.mix.SampleRecords;
import io.iterdef.bench.report.Medians;
import io.iterdef.bench.system.Aim;
import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.Outcome;
import io.iterdef.bench.system.SystemBenchmark;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.collector.RawRecords;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * B1, the parse floor from Kafka: the B0 records, as the collector writes them to iterdef.raw (its headers, its
 * producer settings, keyed by the shipper's address), read by a plain KafkaConsumer and parsed by Jackson into a tree,
 * then discarded. In the same run, normalize from Kafka: the same records read the same way and decoded to ECS events
 * as the normalize topology does (the format hint header when present, else auto-detection; each event serialized
 * to its ECS JSON). Medians of alternating repetitions.
 */
public final class B1Benchmark implements SystemBenchmark {
	static final int QUICK_RECORDS = 20_000;

	static final int FULL_RECORDS = 200_000;

	static final Duration FULL_MEASUREMENT = Duration.ofSeconds(20);

	private static final int HOSTS = 10;

	@Override
	public String name() {
		return "b1";
	}

	@Override
	public Outcome run(BenchEnv env) throws Exception {
		ClientLogs.quiet();
		List<byte[]> payload = Payload.build(SampleRecords.all(), HOSTS, Payload.TARGET_MEAN_BYTES);
		int perHost = payload.size() / HOSTS;
		int count = env.quick() ? QUICK_RECORDS : FULL_RECORDS;
		Duration minDuration = env.quick() ? Duration.ZERO : FULL_MEASUREMENT;
		int repetitions = env.quick() ? 1 : 3;
		Topics topics = Topics.withPrefix(env.unique("b1") + "-");
		String topic = topics.raw().name();
		try (BenchTopics admin = BenchTopics.connect(env.kafka())) {
			int partitions = admin.rawPartitions();
			admin.create(List.of(topic), partitions);
			try {
				long received = System.currentTimeMillis();
				TopicLoader.load(env.kafka(), count, i -> {
					int index = (int) (i % payload.size());
					String source = "10.20.0." + (index / perHost + 1);
					return RawRecords.raw(topics, source, null, received, payload.get(index));
				});
				System.out.printf("bench: b1 loaded %,d records (mean %.0f bytes) into %s%n", count,
						Payload.meanSize(payload), topic);
				ObjectMapper mapper = new ObjectMapper();
				Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
				AtomicLong refused = new AtomicLong();
				List<TopicReader.Handler> handlers = List.of(rec -> mapper.readTree(rec.value()),
						rec -> normalize(decoders, rec, refused, true), rec -> normalize(decoders, rec, refused, false));
				// warm-up, not measured: the consumer, Jackson and the decoders compiled before the first figure
				TopicReader.read(env.kafka(), topic, partitions, count, Duration.ZERO, handlers.get(1));
				List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
				for (int r = 0; r < repetitions; r++) {
					// each repetition starts with another of them, so none is always measured first
					for (int k = 0; k < handlers.size(); k++) {
						int h = (r + k) % handlers.size();
						rates.get(h).add(TopicReader.read(env.kafka(), topic, partitions, count, minDuration,
								handlers.get(h)).perSecond());
					}
					System.out.printf("bench: b1 repetition %d: Jackson %,.0f records/s, normalize %,.0f records/s "
							+ "(decode only %,.0f)%n", r + 1, rates.get(0).get(r), rates.get(1).get(r),
							rates.get(2).get(r));
				}
				List<Double> jackson = rates.get(0);
				List<Double> normalize = rates.get(1);
				List<Double> decodeOnly = rates.get(2);
				if (refused.get() > 0) {
					throw new IllegalStateException(refused.get() + " records did not decode: normalize would have "
							+ "measured the dead-letter path; the payload must be records the decoders read");
				}
				double b1 = Medians.of(jackson);
				double norm = Medians.of(normalize);
				Outcome.Builder outcome = new Outcome.Builder(name()).measure("Kafka + Jackson parse", b1, "records/s")
						.measure("Kafka + normalize (decode to ECS JSON)", norm, "records/s")
						.measure("Kafka + decode only (no ECS JSON out)", Medians.of(decodeOnly), "records/s")
						.aim(Aim.ratioAtLeast("normalize / B1 (from Kafka)", norm, b1, 0.5))
						.note(String.format("%d repetition(s) after a warm-up pass, each %s over %,d records of %s on %d partitions; one "
								+ "consumer thread; normalize = Decoders.decode + Event.toJson per event, as "
								+ "NormalizeProcessor does (without producing the result)", repetitions,
								minDuration.isZero() ? "one pass" : "passes for at least " + minDuration.toSeconds() + " s",
								count, topic, partitions));
				if (norm / b1 < 0.5) {
					double decode = Medians.of(decodeOnly);
					outcome.note(String.format("normalize below half the parse floor: the decoders' work limits it, "
							+ "not Kafka (the same consumer reads for both): decoding alone reaches %,.0f records/s "
							+ "(%.2f of B1), writing each event's ECS JSON brings it to %,.0f; the JMH part (normalize "
							+ "vs B1 in memory) shows the ratio without Kafka", decode, decode / b1, norm));
				}
				return outcome.build();
			}
			finally {
				admin.delete(List.of(topic));
			}
		}
	}

	/** What NormalizeProcessor does with a record, but forwarding nothing ({@code toJson}: its output bytes too). */
	private static Object normalize(Decoders decoders, ConsumerRecord<byte[], byte[]> record, AtomicLong refused,
			boolean toJson) {
		Header hint = record.headers().lastHeader(Topics.HEADER_FORMAT);
		try {
			List<Event> events = decoders.decode(record.value(),
					hint == null ? null : new String(hint.value(), StandardCharsets.UTF_8));
			if (!toJson) {
				return events;
			}
			List<byte[]> out = new ArrayList<>(events.size());
			for (Event e : events) {
				out.add(e.toJson());
			}
			return out;
		}
		catch (DecodeException e) {
			refused.incrementAndGet();
			return null;
		}
	}
}
