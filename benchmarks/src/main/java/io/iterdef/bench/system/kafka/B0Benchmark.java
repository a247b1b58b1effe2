package io.iterdef.bench.system.kafka;

import io.iterdef.bench.mix.SampleRecords;
import io.iterdef.bench.report.Medians;
import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.ChildJvm;
import io.iterdef.bench.system.Outcome;
import io.iterdef.bench.system.SystemBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * B0, the no-op pipe: Kafka's own ProducerPerformance and ConsumerPerformance at our record size, with the
 * collector's producer settings, on a topic with iterdef.raw's partition count. Each repetition writes a fresh topic
 * and reads it back; the figures are medians of the repetitions.
 */
public final class B0Benchmark implements SystemBenchmark {
	/** The metric the pipeline's aim divides by (collector to alert at 0.5 or more of it). */
	public static final String PRODUCER_RATE = "producer rate";

	static final int QUICK_RECORDS = 20_000;

	/** A full run sizes its repetitions from a first run of QUICK_RECORDS to last about this long. */
	static final Duration FULL_MEASUREMENT = Duration.ofSeconds(25);

	static final long MAX_RECORDS = 2_000_000;

	private static final List<String> TOOL_JVM = List.of("-Xmx512m", "-Duser.language=en", "-Duser.country=US",
			"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

	@Override
	public String name() {
		return "b0";
	}

	@Override
	public Outcome run(BenchEnv env) throws Exception {
		ClientLogs.quiet();
		Path dir = env.dir(name());
		List<byte[]> records = Payload.build(SampleRecords.all(), 10, Payload.TARGET_MEAN_BYTES);
		Path payload = Payload.write(records, dir.resolve("payload.ndjson"));
		double mean = Payload.meanSize(records);
		System.out.printf("bench: b0 payload: %d records, mean %.0f bytes (%s)%n", records.size(), mean, payload);
		List<String> producerProps = CollectorProducer.toolProperties(env.kafka());
		List<PerfToolOutput.Producer> producers = new ArrayList<>();
		List<PerfToolOutput.Consumer> consumers = new ArrayList<>();
		try (BenchTopics topics = BenchTopics.connect(env.kafka())) {
			int partitions = topics.rawPartitions();
			long count = QUICK_RECORDS;
			int repetitions = env.quick() ? 1 : 3;
			if (!env.quick()) {
				PerfToolOutput.Producer first = repetition(env, topics, partitions, "sizing", payload, count,
						producerProps).producer();
				count = Math.min(MAX_RECORDS, Math.max(QUICK_RECORDS,
						(long) (first.rate() * FULL_MEASUREMENT.toSeconds())));
				System.out.printf("bench: b0 sizing run: %,.0f records/s, so %,d records per repetition%n", first.rate(),
						count);
			}
			for (int r = 1; r <= repetitions; r++) {
				Repetition rep = repetition(env, topics, partitions, "r" + r, payload, count, producerProps);
				producers.add(rep.producer());
				consumers.add(rep.consumer());
				System.out.printf("bench: b0 repetition %d: producer %,.0f records/s (%.1f MB/s, p99 %.0f ms), consumer "
						+ "%,.0f records/s%n", r, rep.producer().rate(), rep.producer().mbPerSec(), rep.producer().p99Ms(),
						rep.consumer().fetchRate());
			}
			return new Outcome.Builder(name())
					.measure(PRODUCER_RATE, Medians.of(producers.stream().map(p -> p.rate()).toList()), "records/s")
					.measure("producer throughput", Medians.of(producers.stream().map(p -> p.mbPerSec()).toList()),
							"MiB/s")
					.measure("producer avg latency", Medians.of(producers.stream().map(p -> p.avgLatencyMs()).toList()),
							"ms")
					.measure("producer p99 latency", Medians.of(producers.stream().map(p -> p.p99Ms()).toList()), "ms")
					.measure("consumer rate", Medians.of(consumers.stream().map(c -> c.fetchRate()).toList()),
							"records/s")
					.measure("record size (mean)", mean, "bytes")
					.note(String.format("%d repetition(s) of %,d records on %d partitions; producer settings of the "
							+ "collector: %s (max.block.ms left at the tool's); no key or headers (the tool sends none); consumer rate excludes the group "
							+ "join (fetch.nMsg.sec)", repetitions, count, partitions, String.join(" ", producerProps)))
					.build();
		}
	}

	private record Repetition(PerfToolOutput.Producer producer, PerfToolOutput.Consumer consumer) {
	}

	private Repetition repetition(BenchEnv env, BenchTopics topics, int partitions, String label, Path payload,
			long count, List<String> producerProps) throws Exception {
		String topic = env.unique("b0-" + label);
		Path dir = env.dir(name());
		topics.create(List.of(topic), partitions);
		try {
			List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(count),
					"--throughput", "-1", "--payload-file", payload.toString(), "--producer-props"));
			args.addAll(producerProps);
			PerfToolOutput.Producer producer = PerfToolOutput.producer(runTool("producer-perf-" + label,
					"org.apache.kafka.tools.ProducerPerformance", args, dir.resolve("producer-" + label + ".log"), count));
			PerfToolOutput.Consumer consumer = PerfToolOutput.consumer(runTool("consumer-perf-" + label,
					"org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server", env.kafka(), "--topic",
							topic, "--messages", Long.toString(count), "--group", topic + "-group", "--timeout", "30000"),
					dir.resolve("consumer-" + label + ".log"), count), count);
			return new Repetition(producer, consumer);
		}
		finally {
			topics.delete(List.of(topic));
			topics.deleteGroups(List.of(topic + "-group"));
		}
	}

	private static String runTool(String name, String mainClass, List<String> args, Path log, long count)
			throws Exception {
		try (ChildJvm tool = ChildJvm.main(name, TOOL_JVM, mainClass, args, log)) {
			// generous: 1,000 records/s would be a broken machine
			int exit = tool.awaitExit(Duration.ofSeconds(120 + count / 1000));
			if (exit != 0) {
				throw new IllegalStateException(name + " exited with " + exit + "; its log " + log + " ends:\n"
						+ tool.tail());
			}
			return tool.log();
		}
	}
}
