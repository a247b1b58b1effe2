package io.iterdef.bench.system.indexer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.bench.mix.SampleRecords;
import io.iterdef.bench.report.Medians;
import io.iterdef.bench.system.Aim;
import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.Outcome;
import io.iterdef.bench.system.SystemBenchmark;
import io.iterdef.bench.system.kafka.BenchTopics;
import io.iterdef.bench.system.kafka.ClientLogs;
import io.iterdef.bench.system.kafka.Payload;
import io.iterdef.bench.system.kafka.TopicLoader;
import io.iterdef.streams.config.ElasticsearchConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.index.IndexTemplates;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.elasticsearch.client.RestClient;

/**
 * Documents/s into Elasticsearch through streams-app's real indexer ({@code EventIndexer}: a Kafka consumer feeding
 * the Java client's BulkIngester) against a plain bulk loop, on the same ECS documents. The indexer only runs
 * reading from Kafka, so both read the same pre-loaded topic (a consumer group of their own each) and each is timed
 * from its start until Elasticsearch has indexed all documents; then the index is refreshed, its count checked (none
 * lost) and deleted. Each side writes into a fresh daily index {@code events-YYYY.MM.DD} of the production template:
 * the documents are dated on a day of their own, far in the past, so no real index is touched.
 */
public final class IndexerBenchmark implements SystemBenchmark {
	static final int QUICK_DOCUMENTS = 20_000;

	/** About 30 s per side at the 10k docs/s this machine's Elasticsearch took in the design's check. */
	static final int FULL_DOCUMENTS = 150_000;

	static final Duration FULL_MEASUREMENT = Duration.ofSeconds(20);

	/**
	 * Both sides index this many first, unmeasured (JIT warm-up): twenty bulks (ten were not enough). With two (2,000
	 * documents) the side measured first still paid for compiling its per-document and per-bulk code (the Java
	 * client's more than the loop's): the indexer's client CPU per 1,000 documents was 168 ms in a quick run, 60 ms
	 * warm, the plain loop's 65 ms.
	 */
	static final int WARM_UP_DOCUMENTS = 20_000;

	@Override
	public String name() {
		return "indexer";
	}

	@Override
	public Outcome run(BenchEnv env) throws Exception {
		ClientLogs.quiet();
		int count = env.quick() ? QUICK_DOCUMENTS : FULL_DOCUMENTS;
		int repetitions = env.quick() ? 1 : 3;
		EcsDocuments documents = EcsDocuments.decode(Payload.build(SampleRecords.all(), 10, Payload.TARGET_MEAN_BYTES));
		// day of the documents: the indexer's index; the next day: the bulk loop's (a run's own, per its name)
		LocalDate day = LocalDate.of(1200, 1, 1).plusDays(Math.floorMod(env.unique("").hashCode(), 200_000) * 2L);
		Topics topics = Topics.withPrefix(env.unique("indexer") + "-");
		ElasticsearchConfig es = ElasticsearchConfig.of(env.esUrl());
		List<String> indices = new ArrayList<>();
		try (BenchTopics admin = BenchTopics.connect(env.kafka()); RestClient probe = ElasticsearchFactory.restClient(es)) {
			Elastic elastic = new Elastic(probe);
			IndexerSides sides = new IndexerSides(env.kafka(), es, topics, elastic, count);
			admin.create(List.of(topics.events().name(), topics.alerts().name()), admin.rawPartitions());
			try {
				IndexTemplates.putAll(probe);
				long loadStart = System.nanoTime();
				TopicLoader.load(env.kafka(), count, n -> {
					ObjectNode doc = documents.document(n, day);
					return TopicLoader.record(topics.events().name(),
							EcsDocuments.hostName(doc).getBytes(StandardCharsets.UTF_8), EcsDocuments.bytes(doc));
				});
				System.out.printf("bench: indexer loaded %,d documents (%,d distinct events, made unique) into %s in %.1f s%n",
						count, documents.distinct(), topics.events().name(), (System.nanoTime() - loadStart) / 1e9);
				indices.add(IndexerSides.dailyIndex(day));
				indices.add(IndexerSides.dailyIndex(day.plusDays(1)));
				sides.warmUp(IndexerSides.dailyIndex(day), IndexerSides.dailyIndex(day.plusDays(1)), WARM_UP_DOCUMENTS);
				List<Double> indexer = new ArrayList<>();
				List<Double> bulk = new ArrayList<>();
				List<Double> indexerCpu = new ArrayList<>();
				List<Double> bulkCpu = new ArrayList<>();
				double shortest = Double.MAX_VALUE;
				for (int r = 1; r <= repetitions; r++) {
					String indexerIndex = IndexerSides.dailyIndex(day);
					String bulkIndex = IndexerSides.dailyIndex(day.plusDays(1));
					// alternate which side goes first, so neither always meets a warmer Elasticsearch
					IndexerSides.Run a = r % 2 == 1 ? sides.indexer(indexerIndex, r) : sides.bulkLoop(bulkIndex, r);
					IndexerSides.Run b = r % 2 == 1 ? sides.bulkLoop(bulkIndex, r) : sides.indexer(indexerIndex, r);
					IndexerSides.Run ix = r % 2 == 1 ? a : b;
					IndexerSides.Run bl = r % 2 == 1 ? b : a;
					indexer.add(ix.perSecond());
					bulk.add(bl.perSecond());
					indexerCpu.add(ix.cpuMsPerThousand());
					bulkCpu.add(bl.cpuMsPerThousand());
					shortest = Math.min(shortest, Math.min(ix.seconds(), bl.seconds()));
					System.out.printf("bench: indexer repetition %d: indexer %,.0f docs/s (%.1f s, first docs after %.1f s, "
							+ "client CPU %.0f ms per 1,000), plain bulk loop %,.0f docs/s (%.1f s, first after %.1f s, "
							+ "CPU %.0f ms)%n", r, ix.perSecond(), ix.seconds(), ix.startSeconds(), ix.cpuMsPerThousand(),
							bl.perSecond(), bl.seconds(), bl.startSeconds(), bl.cpuMsPerThousand());
				}
				double ix = Medians.of(indexer);
				double bl = Medians.of(bulk);
				Outcome.Builder outcome = new Outcome.Builder(name()).measure("indexer (EventIndexer)", ix, "docs/s")
						.measure("plain bulk loop", bl, "docs/s")
						.aim(Aim.ratioAtLeast("indexer / plain bulk loop", ix, bl, 0.8))
						.note(String.format("a warm-up of both sides, then %d repetition(s) of %,d documents (mean %,d "
								+ "bytes) per side; both read the same pre-loaded topic (%d partitions) with a group of "
								+ "their own, timed from start to all indexed (the group join and the indexer's template "
								+ "PUTs included); bulks of %d operations or 5 MiB; every count checked after a refresh",
								repetitions, count, documents.meanSize(), admin.rawPartitions(), BulkLoop.MAX_OPERATIONS));
				if (!env.quick() && shortest < FULL_MEASUREMENT.toSeconds()) {
					outcome.note(String.format("the shortest measurement took %.1f s, under %d s: raise FULL_DOCUMENTS",
							shortest, FULL_MEASUREMENT.toSeconds()));
				}
				outcome.measure("indexer client CPU per 1,000 docs", Medians.of(indexerCpu), "ms")
						.measure("plain loop client CPU per 1,000 docs", Medians.of(bulkCpu), "ms");
				if (ix / bl < 0.8) {
					double ixCpu = Medians.of(indexerCpu);
					double blCpu = Medians.of(bulkCpu);
					outcome.note(String.format("the indexer below 0.8 of the plain loop; client CPU per 1,000 documents: "
							+ "indexer %.0f ms, loop %.0f ms (%d cores, shared with Elasticsearch)%s", ixCpu, blCpu,
							Runtime.getRuntime().availableProcessors(), ixCpu > 1.2 * blCpu
									? ": the indexer's own work (the Java client writes each action line through its "
											+ "JSON mapper and reads the bulk response into objects where the loop writes "
											+ "bytes; per-document offset tracking) takes CPU from Elasticsearch"
									: ": alike, so the gap is waiting (start-up, one bulk in flight) or a busy "
											+ "machine: compare the per-repetition lines above"));
				}
				return outcome.build();
			}
			finally {
				for (String index : indices) {
					elastic.delete(index);
				}
				admin.delete(List.of(topics.events().name(), topics.alerts().name()));
				admin.deleteGroups(sides.groups(repetitions));
			}
		}
	}
}
