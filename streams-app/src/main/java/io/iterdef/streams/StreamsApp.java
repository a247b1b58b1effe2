package io.iterdef.streams;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.DrlSources;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.streams.collector.CollectorEndpoints;
import io.iterdef.streams.config.DataDirCheck;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.detect.DetectMetrics;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.index.EventIndexer;
import io.iterdef.streams.rules.ActiveRules;
import io.iterdef.streams.rules.RuleSetBundle;
import io.iterdef.streams.rules.RulesWatcher;
import io.iterdef.streams.rules.StatusReporter;
import io.iterdef.streams.topic.TopicCreator;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams service: wires configuration and lifecycle only. Start order: topics, Kafka Streams
 * (normalize + detect in one topology, application.id {@code iterdef-streams}), the Elasticsearch indexer,
 * then the collector endpoints (TCP JSON lines, syslog TCP/UDP, HTTP; ready when they listen: the log line
 * "streams app ready" lists them). {@link #close()} stops in the opposite order, collectors first, then their
 * producer, so every accepted record is flushed to Kafka before the rest goes down.
 */
public final class StreamsApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);

    private final Topics topics;
    private final DetectMetrics detectMetrics = new DetectMetrics();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final CompletableFuture<Throwable> streamsFailure = new CompletableFuture<>();
    private ActiveRules rules;
    private KafkaStreams streams;
    private CollectorEndpoints collector;
    private volatile boolean closed;

    private StreamsApp(Topics topics) {
        this.topics = topics;
    }

    public static void main(String[] args) {
        StreamsAppConfig cfg = StreamsAppConfig.fromEnvironment();
        StreamsApp app;
        try {
            app = start(cfg);
        } catch (Exception e) {
            log.error("streams app failed to start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "streams-app-shutdown"));
        Throwable failure = app.streamsFailure.join();
        log.error("Kafka Streams stopped on an error; exiting", failure);
        System.exit(2);
    }

    /** Starts everything; on failure closes what was started and rethrows. */
    public static StreamsApp start(StreamsAppConfig cfg) throws IOException {
        log.info("starting streams app: kafka {}, elasticsearch {}, data {}", cfg.kafka(), cfg.elasticsearch(),
                cfg.dataDir().toAbsolutePath());
        StreamsApp app = new StreamsApp(Topics.withPrefix(cfg.topicPrefix()));
        try {
            app.startAll(cfg);
            return app;
        } catch (IOException | RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll(StreamsAppConfig cfg) throws IOException {
        DataDirCheck.requireWritable(cfg.dataDir());
        try (Admin admin = Admin.create(cfg.kafka().clientProperties())) {
            new TopicCreator(topics, cfg.topicPartitions(), cfg.topicReplication()).createMissing(admin);
        }
        Map<String, String> drl = cfg.rulesDir() == null
                ? DrlSources.fromClasspath(StreamsApp.class.getClassLoader()) : DrlSources.fromDirectory(cfg.rulesDir());
        RuleSet builtin = RuleSet.compile(drl);
        rules = new ActiveRules(RuleSetBundle.builtinVersion(drl), builtin, Clock.systemUTC());
        log.info("loaded {} rules from {} (version {})", builtin.rules().size(), cfg.rulesDir() == null
                ? "the classpath" : cfg.rulesDir(), rules.current().version());
        // a rule set published to iterdef.rules replaces them: the last one before the streams start, then live
        String instance = instanceId(cfg);
        StatusReporter reporter = StatusReporter.start(cfg.kafka().clientProperties(), topics.rulesStatusName(),
                instance, rules);
        started.push(reporter);
        started.push(RulesWatcher.start(cfg.kafka().clientProperties(), topics.rulesName(), rules));
        log.info("running rule set {} as instance {}", rules.current().version(), instance);

        Topology topology = PipelineTopology.build(Decoders.defaults(cfg.collectorZone()), rules, cfg.detectGrace(),
                cfg.punctuateInterval(), topics, detectMetrics);
        log.info("topology:\n{}", topology.describe());
        streams = new KafkaStreams(topology, ClientProperties.streams(cfg));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; shutting Kafka Streams down", e);
            streamsFailure.complete(e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .SHUTDOWN_CLIENT;
        });
        // Leave the group on close: Kafka Streams stays a member by default (for quick bounces), so the next start,
        // or another instance taking over the tasks, would wait for the session timeout (45 s) before rebalancing.
        started.push(() -> streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true)));
        streams.start();

        RestClient rest = ElasticsearchFactory.restClient(cfg.elasticsearch());
        started.push(rest);
        started.push(EventIndexer.start(ClientProperties.indexer(cfg), cfg.indexerGroupId(), topics, rest));

        Producer<byte[], byte[]> producer = new KafkaProducer<>(ClientProperties.collectorProducer(cfg));
        started.push(() -> producer.close(Duration.ofSeconds(30)));
        collector = CollectorEndpoints.start(cfg, topics, producer, Clock.systemUTC());
        started.push(collector);
        // the detect counters (late events, alerts and their updates) on the same GET /metrics and log line
        collector.metrics().include(detectMetrics::prometheus, detectMetrics::summary);
        collector.metrics().include(rules::prometheus, rules::summary);
        log.info("streams app ready: {}", String.join("; ", collector.describe()));
    }

    /** The instance id in iterdef.rules.status: host name and the absolute data directory (one per instance). */
    static String instanceId(StreamsAppConfig cfg) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return host + ":" + cfg.dataDir().toAbsolutePath().normalize();
    }

    /** The rule set this instance runs (swapped when one is published to iterdef.rules). */
    public ActiveRules rules() {
        return rules;
    }

    /** The port the TCP JSON-lines collector listens on (useful when configured with port 0). */
    public int collectorPort() {
        return collector.tcpPort();
    }

    /** The collector endpoints: their ports (-1 when off) and counters. */
    public CollectorEndpoints collectors() {
        return collector;
    }

    /** The detect topology's counters (late events, alerts, alert updates). */
    public DetectMetrics detectMetrics() {
        return detectMetrics;
    }

    public Topics topics() {
        return topics;
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /** Collector endpoints, collector producer, indexer, Elasticsearch client, Kafka Streams: newest first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("stopping streams app");
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("error while stopping {}", c, e);
            }
        }
        log.info("streams app stopped");
    }
}
