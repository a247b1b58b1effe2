package io.iterdef.bench.system.pipeline;

import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/**
 * streams-app as a child process on topics of this run's own ({@code <unique>.iterdef.raw}, ...), its own application
 * id, data directory and free collector ports, with the records' mix, an alerts consumer and an admin client to read
 * the stages' offsets. The indexer is kept out of the measurement (it has a benchmark of its own, and would write the
 * benchmark's events into the shared daily events index): streams-app's Elasticsearch URL points at a closed port, so
 * the indexer waits to put its templates and never consumes. Closing stops streams-app and deletes the run's topics
 * and consumer groups.
 */
final class PipelineRig implements AutoCloseable {
	static final int PARTITIONS = 3;

	static final int HOSTS = 500;

	static final String OVERRIDE = "bench.streams.";

	static final String HEAP_PROPERTY = "bench.streams.heap";

	private final String prefix;

	private final String applicationId;

	private final String indexerGroup;

	private final int tcpPort;

	private final int httpPort;

	private final Admin admin;

	private final LoadMix mix;

	private final AtomicLong sequence = new AtomicLong();

	private ChildJvm app;

	private String heap;

	private AlertWatcher watcher;

	private PipelineRig(BenchEnv env, String name) {
		String unique = env.unique(name);
		this.prefix = unique + ".";
		this.applicationId = unique + "-streams";
		this.indexerGroup = unique + "-indexer";
		this.tcpPort = freePort();
		this.httpPort = freePort();
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka()));
		this.mix = new LoadMix(unique.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-"), HOSTS);
	}

	/**
	 * Starts streams-app (heap {@code heap}, unless {@code -Dbench.streams.heap} says otherwise) and waits until it is
	 * ready and its topics exist.
	 */
	static PipelineRig start(BenchEnv env, String name, String heap) throws IOException, InterruptedException {
		PipelineRig rig = new PipelineRig(env, name);
		try {
			Path dir = env.dir(name);
			rig.heap = heap(heap);
			rig.app = ChildJvm.streamsApp(env, rig.streamsEnvironment(dir), rig.heap, dir.resolve("streams-app.log"));
			rig.app.awaitLog("streams app ready", Duration.ofSeconds(240));
			rig.watcher = new AlertWatcher(env.kafka(), rig.prefix + "iterdef.alerts", PARTITIONS, rig.mix);
			return rig;
		}
		catch (IOException | InterruptedException | RuntimeException e) {
			rig.close();
			throw e;
		}
	}

	private Map<String, String> streamsEnvironment(Path dir) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("ITERDEF_ES_URL", "http://127.0.0.1:" + freePort());
		env.put("ITERDEF_TOPIC_PREFIX", prefix);
		env.put("ITERDEF_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
		env.put("ITERDEF_DATA_DIR", dir.resolve("streams-data").toString());
		env.put("ITERDEF_STREAMS_APPLICATION_ID", applicationId);
		env.put("ITERDEF_INDEXER_GROUP", indexerGroup);
		env.put("ITERDEF_COLLECTOR_BIND", "127.0.0.1");
		env.put("ITERDEF_COLLECTOR_TCP_PORT", Integer.toString(tcpPort));
		env.put("ITERDEF_COLLECTOR_HTTP_PORT", Integer.toString(httpPort));
		env.put("ITERDEF_COLLECTOR_SYSLOG_PORT", "-1");
		// only how soon a member that did not leave is dropped (the group is deleted at the end); no effect on speed
		env.put("ITERDEF_STREAMS_SESSION_TIMEOUT_MS", "10000");
		env.putAll(overrides());
		return env;
	}

	/**
	 * streams-app settings to try (e.g. {@code -Dbench.streams.ITERDEF_DETECT_GRACE_MS=1000}): every system property
	 * {@code bench.streams.ITERDEF_*}, as an environment variable of streams-app.
	 */
	static Map<String, String> overrides() {
		Map<String, String> overrides = new java.util.TreeMap<>();
		System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(OVERRIDE + "ITERDEF_"))
				.forEach(k -> overrides.put(k.substring(OVERRIDE.length()), System.getProperty(k)));
		return overrides;
	}

	/** The streams-app setting {@code name} as this rig runs it, or {@code fallback} (streams-app's default). */
	static String setting(String name, String fallback) {
		return overrides().getOrDefault(name, fallback);
	}

	/** A new connection to the collector's JSON-lines endpoint. */
	TcpSender sender() throws IOException {
		return new TcpSender(tcpPort, mix, sequence);
	}

	/** streams-app's detect counters. */
	AppMetrics metrics() {
		return new AppMetrics(httpPort);
	}

	AlertWatcher alerts() {
		return watcher;
	}

	long pid() {
		return app.pid();
	}

	/** streams-app's -Xmx. */
	String heap() {
		return heap;
	}

	/** Fails with the log's tail when streams-app is gone. */
	void checkAlive() {
		if (!app.isAlive()) {
			String tail = app.tail();
			if (tail.contains("OutOfMemoryError")) {
				throw new IllegalStateException("streams-app ran out of its " + heap + " heap (give it more with -D"
						+ HEAP_PROPERTY + "=4g); its log ends:\n" + tail);
			}
			throw new IllegalStateException("streams-app exited during the benchmark; its log ends:\n" + tail);
		}
	}

	/** streams-app's -Xmx: {@code -Dbench.streams.heap=...}, else {@code fallback}. */
	static String heap(String fallback) {
		return System.getProperty(HEAP_PROPERTY, fallback);
	}

	/** The stages' offsets now. */
	StageSample sample() throws InterruptedException {
		try {
			List<TopicPartition> raw = partitions(prefix + "iterdef.raw");
			List<TopicPartition> events = partitions(prefix + "iterdef.events");
			long rawEnd = end(raw, IsolationLevel.READ_UNCOMMITTED);
			long eventsEnd = end(events, IsolationLevel.READ_COMMITTED);
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
					.partitionsToOffsetAndMetadata().get();
			return new StageSample(System.nanoTime(), rawEnd, sum(committed, raw), eventsEnd, sum(committed, events));
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("cannot read the pipeline's offsets from Kafka: " + e.getCause(), e);
		}
	}

	private long end(List<TopicPartition> partitions, IsolationLevel isolation)
			throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> specs = new LinkedHashMap<>();
		partitions.forEach(p -> specs.put(p, OffsetSpec.latest()));
		return admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get().values().stream()
				.mapToLong(o -> o.offset()).sum();
	}

	private static long sum(Map<TopicPartition, OffsetAndMetadata> committed, List<TopicPartition> partitions) {
		return partitions.stream().map(committed::get).filter(o -> o != null).mapToLong(OffsetAndMetadata::offset)
				.sum();
	}

	private static List<TopicPartition> partitions(String topic) {
		return java.util.stream.IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
	}

	/** Waits until everything accepted went through detect; false when {@code timeout} passed first. */
	boolean drain(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			checkAlive();
			// a few offsets of slack: transaction markers after the last record
			if (sample().backlog() <= 2L * PARTITIONS) {
				return true;
			}
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			Thread.sleep(250);
		}
	}

	/** Stops streams-app, then deletes the run's topics (also Kafka Streams' internal ones) and consumer groups. */
	@Override
	public void close() throws InterruptedException {
		try {
			if (watcher != null) {
				watcher.close();
			}
			if (app != null) {
				app.close();
			}
			List<String> topics = admin.listTopics().names().get().stream()
					.filter(t -> t.startsWith(prefix) || t.startsWith(applicationId + "-")).toList();
			admin.deleteTopics(topics).all().get();
			deleteGroup();
		}
		catch (ExecutionException e) {
			// leftovers of a benchmark run are named bench-<run>-...: harmless, and reported
			System.out.println("bench: could not delete the pipeline's topics or groups (" + e.getCause() + ")");
		}
		finally {
			admin.close(Duration.ofSeconds(10));
		}
	}

	/** The group empties when streams-app's members left it, at the latest after their session timeout (10 s). */
	private void deleteGroup() throws InterruptedException, ExecutionException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			try {
				admin.deleteConsumerGroups(List.of(applicationId)).all().get();
				return;
			}
			catch (ExecutionException e) {
				if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() - deadline >= 0) {
					throw e;
				}
				Thread.sleep(500);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
