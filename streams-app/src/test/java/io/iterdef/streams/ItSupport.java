package io.iterdef.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.stack.Stack;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.topic.TopicCreator;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** Helpers for the *IT tests: a config pointing at the test stack, topics of one run, Kafka and ES probes. */
public final class ItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItSupport() {
    }

    /** The environment's settings with Kafka and Elasticsearch from the stack, and this run's own everything. */
    public static StreamsAppConfig config(Stack stack, String runId, Path dataDir) {
        return config(stack, runId, dataDir, Map.of());
    }

    /** As {@link #config(Stack, String, Path)}, with some variables of the test's own on top. */
    public static StreamsAppConfig config(Stack stack, String runId, Path dataDir, Map<String, String> overrides) {
        return StreamsAppConfig.fromMap(env(stack, runId, dataDir, overrides));
    }

    /** The environment {@link #config(Stack, String, Path, Map)} reads: for a streams app in a process of its own. */
    public static Map<String, String> env(Stack stack, String runId, Path dataDir, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("ITERDEF_KAFKA", stack.kafkaBootstrap());
        env.put("ITERDEF_ES_URL", stack.elasticsearchUrl());
        env.put("ITERDEF_COLLECTOR_TCP_PORT", "0");
        env.put("ITERDEF_COLLECTOR_HTTP_PORT", "0");
        env.put("ITERDEF_COLLECTOR_SYSLOG_PORT", "0");
        env.remove("ITERDEF_COLLECTOR_TOKEN");
        env.remove("ITERDEF_COLLECTOR_TLS_KEYSTORE");
        env.put("ITERDEF_COLLECTOR_BIND", "127.0.0.1");
        env.put("ITERDEF_TOPIC_PARTITIONS", "3");
        env.put("ITERDEF_TOPIC_PREFIX", "it-" + runId + ".");
        env.put("ITERDEF_DATA_DIR", dataDir.toString());
        env.put("ITERDEF_STREAMS_APPLICATION_ID", "it-streams-" + runId);
        env.put("ITERDEF_INDEXER_GROUP", "it-indexer-" + runId);
        env.remove("ITERDEF_RULES_DIR");
        env.putAll(overrides);
        return env;
    }

    public static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static void createTopics(StreamsAppConfig cfg, Topics topics) {
        try (Admin admin = Admin.create(cfg.kafka().clientProperties())) {
            new TopicCreator(topics, cfg.topicPartitions(), cfg.topicReplication()).createMissing(admin);
        }
    }

    public static KafkaConsumer<byte[], byte[]> consumer(StreamsAppConfig cfg, String topic) {
        Map<String, Object> p = new HashMap<>(cfg.kafka().clientProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // what downstream consumers see: records of aborted (exactly-once) transactions are skipped
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    /**
     * Every record of {@code topic} as a read_committed consumer sees it now: from the beginning to the last stable
     * offset of each partition (empty when the topic does not exist yet).
     */
    public static List<ConsumerRecord<byte[], byte[]>> readToEnd(StreamsAppConfig cfg, String topic) {
        Map<String, Object> p = new HashMap<>(cfg.kafka().clientProperties());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to " + end + " within 30 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Adds what a short poll returns; call repeatedly inside an Awaitility condition. */
    public static List<ConsumerRecord<byte[], byte[]>> pollInto(KafkaConsumer<byte[], byte[]> c,
            List<ConsumerRecord<byte[], byte[]>> into) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
            into.add(r);
        }
        return into;
    }

    public static JsonNode get(RestClient es, String path) {
        try {
            return JSON.readTree(es.performRequest(new Request("GET", path)).getEntity().getContent());
        } catch (ResponseException e) {
            throw new IllegalStateException(path + ": " + e.getResponse().getStatusLine(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of documents in {@code index} whose _id is one of {@code ids} (after a refresh). */
    public static long countIds(RestClient es, String index, Collection<String> ids) {
        return count(es, index, Map.of("ids", Map.of("values", new ArrayList<>(ids))));
    }

    /** The number of documents in {@code index} whose {@code field} has one of {@code values}. */
    public static long countTerms(RestClient es, String index, String field, Collection<String> values) {
        return count(es, index, Map.of("terms", Map.of(field, new ArrayList<>(values))));
    }

    public static JsonNode search(RestClient es, String index, Object query, int size) {
        try {
            es.performRequest(new Request("POST", "/" + index + "/_refresh"));
            Request search = new Request("POST", "/" + index + "/_search");
            search.setJsonEntity(JSON.writeValueAsString(Map.of("query", query, "size", size)));
            return JSON.readTree(es.performRequest(search).getEntity().getContent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(RestClient es, String index, Object query) {
        try {
            es.performRequest(new Request("POST", "/" + index + "/_refresh"));
            Request count = new Request("POST", "/" + index + "/_count");
            count.setJsonEntity(JSON.writeValueAsString(Map.of("query", query)));
            return JSON.readTree(es.performRequest(count).getEntity().getContent()).path("count").asLong();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return 0; // index not created yet
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of the events have a document written at or after {@code since} (event.ingested). */
    public static long indexedSince(RestClient es, String index, List<String> ids, Instant since) {
        JsonNode hits = search(es, index, Map.of("ids", Map.of("values", ids)), ids.size() * 2);
        long n = 0;
        for (JsonNode hit : hits.path("hits").path("hits")) {
            String ingested = hit.path("_source").path("event").path("ingested").asText(null);
            if (ingested != null && !Instant.parse(ingested).isBefore(since.minusSeconds(1))) {
                n++;
            }
        }
        return n;
    }
}
