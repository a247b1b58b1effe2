package io.iterdef.bench.system.indexer;

import io.iterdef.streams.config.ElasticsearchConfig;
import io.iterdef.streams.config.KafkaClientConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.index.EventIndexer;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.RestClient;

/** One measurement of each side: the indexer, or the plain bulk loop, from start to all documents indexed. */
final class IndexerSides {
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

	/**
	 * Documents, the time from the side's start until Elasticsearch had indexed them all (and the first), and the CPU
	 * time this
	 * process (the side under test: its consumer, its client) spent meanwhile: on a small machine Elasticsearch
	 * and the client share the cores, so a client's CPU per document slows Elasticsearch down.
	 */
	record Run(long documents, long nanos, long firstNanos, long cpuNanos) {
		double perSecond() {
			return documents * 1e9 / nanos;
		}

		double seconds() {
			return nanos / 1e9;
		}

		/** Seconds from the start until the first documents were indexed (consumer join, first bulk). */
		double startSeconds() {
			return firstNanos / 1e9;
		}

		/** Client CPU milliseconds per 1,000 documents. */
		double cpuMsPerThousand() {
			return cpuNanos / 1e3 / documents;
		}
	}

	private final String kafka;

	private final ElasticsearchConfig es;

	private final Topics topics;

	private final Elastic elastic;

	private final long count;

	IndexerSides(String kafka, ElasticsearchConfig es, Topics topics, Elastic elastic, long count) {
		this.kafka = kafka;
		this.es = es;
		this.topics = topics;
		this.elastic = elastic;
		this.count = count;
	}

	/** The index the indexer writes a day's events to ({@code EventDocument}'s naming). */
	static String dailyIndex(LocalDate day) {
		return "events-" + DAY.format(day);
	}

	Run indexer(String index, int repetition) throws IOException, InterruptedException {
		Run run = runIndexer(index, repetition, count);
		verifyAndDelete(index);
		return run;
	}

	Run bulkLoop(String index, int repetition) throws Exception {
		Run run = runBulkLoop(index, repetition, count);
		verifyAndDelete(index);
		return run;
	}

	/**
	 * Both sides on the first {@code documents} documents, not measured (repetition 0): the JIT compiles the
	 * consumer, the client and both sides' code before the first figure. The indexer may index a little more before
	 * it stops; the indices are deleted.
	 */
	void warmUp(String indexerIndex, String bulkIndex, long documents) throws Exception {
		runIndexer(indexerIndex, 0, documents);
		elastic.delete(indexerIndex);
		runBulkLoop(bulkIndex, 0, documents);
		elastic.delete(bulkIndex);
	}

	private Run runIndexer(String index, int repetition, long documents) throws IOException, InterruptedException {
		requireFresh(index);
		Map<String, Object> props = KafkaClientConfig.fromMap(Map.of("ITERDEF_KAFKA", kafka)).clientProperties();
		long start;
		Elastic.Progress end;
		long cpu = processCpuNanos();
		try (RestClient rest = ElasticsearchFactory.restClient(es)) {
			start = System.nanoTime();
			EventIndexer indexer = EventIndexer.start(props, group("indexer", repetition), topics, rest);
			try {
				end = elastic.awaitIndexed(index, documents, timeout(), () -> {
				});
			}
			finally {
				cpu = processCpuNanos() - cpu; // before close: its final commit is not part of the measurement
				indexer.close();
			}
		}
		return new Run(documents, end.all() - start, end.first() - start, cpu);
	}

	private Run runBulkLoop(String index, int repetition, long documents) throws Exception {
		requireFresh(index);
		ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "plain-bulk-loop"));
		long start;
		Elastic.Progress end;
		long cpu = processCpuNanos();
		try (RestClient rest = ElasticsearchFactory.restClient(es)) {
			start = System.nanoTime();
			Future<Long> loop = executor.submit(new BulkLoop(consumerProps(group("bulk", repetition)),
					topics.events().name(), index, documents, rest));
			end = elastic.awaitIndexed(index, documents, timeout(), () -> failFast(loop));
			cpu = processCpuNanos() - cpu;
			loop.get();
		}
		finally {
			executor.shutdownNow();
		}
		return new Run(documents, end.all() - start, end.first() - start, cpu);
	}

	/** The indexer's own consumer settings ({@code EventIndexer}). */
	private Map<String, Object> consumerProps(String group) {
		Map<String, Object> props = new HashMap<>(KafkaClientConfig.fromMap(Map.of("ITERDEF_KAFKA", kafka))
				.clientProperties());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return props;
	}

	/** The consumer groups of the warm-up (0) and the repetitions. */
	List<String> groups(int repetitions) {
		List<String> groups = new ArrayList<>();
		for (int r = 0; r <= repetitions; r++) {
			groups.add(group("indexer", r));
			groups.add(group("bulk", r));
		}
		return groups;
	}

	private String group(String side, int repetition) {
		return topics.events().name() + "-" + side + "-" + repetition;
	}

	private Duration timeout() {
		return Duration.ofSeconds(120 + count / 200);
	}

	private void requireFresh(String index) throws IOException {
		if (elastic.exists(index)) {
			throw new IllegalStateException("index " + index + " exists already: the benchmark writes into fresh "
					+ "indices only; delete it (it holds no real events: its day is centuries ago)");
		}
	}

	private void verifyAndDelete(String index) throws IOException {
		long stored = elastic.refreshAndCount(index);
		if (stored != count) {
			throw new IllegalStateException(index + " holds " + stored + " documents after a refresh, not " + count);
		}
		elastic.delete(index);
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	private static void failFast(Future<Long> loop) {
		if (loop.isDone()) {
			try {
				loop.get();
			}
			catch (ExecutionException e) {
				throw new IllegalStateException("the plain bulk loop failed: " + e.getCause(), e.getCause());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
