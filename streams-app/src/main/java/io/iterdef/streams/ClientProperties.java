package io.iterdef.streams;

import io.iterdef.streams.config.StreamsAppConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka client settings derived from the app config. */
final class ClientProperties {
    private ClientProperties() {
    }

    static Properties streams(StreamsAppConfig cfg) {
        Properties p = new Properties();
        p.putAll(cfg.kafka().clientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, cfg.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, cfg.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) cfg.commitInterval().toMillis());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) cfg.topicReplication());
        // Each task's input offsets, state store changelog and output records commit in one transaction: after a
        // crash an aborted transaction's events and alerts are invisible to read_committed consumers, and the detect
        // store is exactly as of the last committed input. Needs brokers >= 2.5 (and transaction.state.log.* settings
        // a single broker can satisfy).
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        // how long a crashed instance keeps its tasks before the group moves them to another (or to its restart)
        long sessionMs = cfg.sessionTimeout().toMillis();
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) sessionMs);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) Math.max(100, Math.min(3000, sessionMs / 3)));
        return p;
    }

    /** The indexer's consumer: the cluster settings and the same session timeout as the streams consumers. */
    static Map<String, Object> indexer(StreamsAppConfig cfg) {
        Map<String, Object> p = new java.util.HashMap<>(cfg.kafka().clientProperties());
        long sessionMs = cfg.sessionTimeout().toMillis();
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionMs);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, Math.min(3000, sessionMs / 3)));
        return p;
    }

    /**
     * acks=all and idempotence: a send is confirmed only when every in-sync replica has it, once. A send blocks
     * (buffer full, no metadata) at most the collector's send timeout, so an HTTP request can answer 503 in time.
     */
    static Map<String, Object> collectorProducer(StreamsAppConfig cfg) {
        Map<String, Object> p = new java.util.HashMap<>(cfg.kafka().clientProperties());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, cfg.applicationId() + "-collector");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Math.max(2 * 1024 * 1024, cfg.collector().maxRecordBytes() + 65_536));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, cfg.collector().sendTimeout().toMillis());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }
}
