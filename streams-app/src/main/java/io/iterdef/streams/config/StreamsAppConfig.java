package io.iterdef.streams.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the streams app reads from the environment, in one place (the ITERDEF_* variables of the
 * contract). Build it with {@link #fromEnvironment()} in production and {@link #fromMap(Map)} in tests;
 * the {@code with...} methods derive a copy for tests (free ports, unique application ids).
 */
public record StreamsAppConfig(
        KafkaClientConfig kafka,
        ElasticsearchConfig elasticsearch,
        Path dataDir,
        int collectorPort,
        String collectorBindAddress,
        ZoneId collectorZone,
        String collectorFormatHint,
        CollectorConfig collector,
        int topicPartitions,
        short topicReplication,
        String topicPrefix,
        Path rulesDir,
        String applicationId,
        String indexerGroupId,
        Duration detectGrace,
        Duration punctuateInterval,
        Duration commitInterval,
        Duration sessionTimeout) {

    public static final String DEFAULT_APPLICATION_ID = "iterdef-streams";
    public static final String DEFAULT_INDEXER_GROUP = "iterdef-indexer";

    public StreamsAppConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(collectorZone, "collectorZone");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("ITERDEF_TOPIC_PARTITIONS must be >= 1: " + topicPartitions);
        }
        if (topicReplication < 1) {
            throw new IllegalArgumentException("ITERDEF_TOPIC_REPLICATION must be >= 1: " + topicReplication);
        }
        if (collectorPort < 0 || collectorPort > 65535) {
            throw new IllegalArgumentException("ITERDEF_COLLECTOR_TCP_PORT out of range: " + collectorPort);
        }
    }

    public static StreamsAppConfig fromEnvironment() {
        return fromMap(System.getenv());
    }

    public static StreamsAppConfig fromMap(Map<String, String> env) {
        Env e = new Env(env);
        String rules = e.get("ITERDEF_RULES_DIR", null);
        return new StreamsAppConfig(
                KafkaClientConfig.fromMap(env),
                ElasticsearchConfig.fromMap(env),
                Path.of(e.get("ITERDEF_DATA_DIR", "./data")),
                e.getInt("ITERDEF_COLLECTOR_TCP_PORT", 5140),
                e.get("ITERDEF_COLLECTOR_BIND", "0.0.0.0"),
                ZoneId.of(e.get("ITERDEF_COLLECTOR_ZONE", "UTC")),
                e.get("ITERDEF_COLLECTOR_FORMAT", null),
                CollectorConfig.fromMap(env),
                e.getInt("ITERDEF_TOPIC_PARTITIONS", 3),
                (short) e.getInt("ITERDEF_TOPIC_REPLICATION", 1),
                e.get("ITERDEF_TOPIC_PREFIX", ""),
                rules == null ? null : Path.of(rules),
                e.get("ITERDEF_STREAMS_APPLICATION_ID", DEFAULT_APPLICATION_ID),
                e.get("ITERDEF_INDEXER_GROUP", DEFAULT_INDEXER_GROUP),
                Duration.ofMillis(e.getInt("ITERDEF_DETECT_GRACE_MS", 5000)),
                Duration.ofMillis(e.getInt("ITERDEF_DETECT_PUNCTUATE_MS", 1000)),
                Duration.ofMillis(e.getInt("ITERDEF_STREAMS_COMMIT_MS", 100)),
                Duration.ofMillis(e.getInt("ITERDEF_STREAMS_SESSION_TIMEOUT_MS", 45000)));
    }

    /** Kafka Streams state lives in {@code <data>/streams}. */
    public Path stateDir() {
        return dataDir.resolve("streams");
    }

    public StreamsAppConfig withCollectorPort(int port) {
        return new StreamsAppConfig(kafka, elasticsearch, dataDir, port, collectorBindAddress, collectorZone,
                collectorFormatHint, collector, topicPartitions, topicReplication, topicPrefix, rulesDir, applicationId,
                indexerGroupId, detectGrace, punctuateInterval, commitInterval,
                sessionTimeout);
    }

    /** A separate application id, indexer group and data dir, so a test run never sees stale state. */
    public StreamsAppConfig withInstance(String applicationId, String indexerGroupId, Path dataDir) {
        return new StreamsAppConfig(kafka, elasticsearch, dataDir, collectorPort, collectorBindAddress,
                collectorZone, collectorFormatHint, collector, topicPartitions, topicReplication, topicPrefix, rulesDir,
                applicationId, indexerGroupId, detectGrace, punctuateInterval, commitInterval,
                sessionTimeout);
    }

    /** Other collector endpoints and limits (tests). */
    public StreamsAppConfig withCollector(CollectorConfig c) {
        return new StreamsAppConfig(kafka, elasticsearch, dataDir, collectorPort, collectorBindAddress,
                collectorZone, collectorFormatHint, c, topicPartitions, topicReplication, topicPrefix, rulesDir,
                applicationId, indexerGroupId, detectGrace, punctuateInterval, commitInterval,
                sessionTimeout);
    }

    public StreamsAppConfig withTopicPrefix(String prefix) {
        return new StreamsAppConfig(kafka, elasticsearch, dataDir, collectorPort, collectorBindAddress,
                collectorZone, collectorFormatHint, collector, topicPartitions, topicReplication, prefix, rulesDir,
                applicationId, indexerGroupId, detectGrace, punctuateInterval, commitInterval,
                sessionTimeout);
    }
}
