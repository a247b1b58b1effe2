package io.iterdef.streams.index;

import static io.iterdef.streams.ItSupport.countIds;
import static io.iterdef.streams.ItSupport.countTerms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.ItSupport;
import io.iterdef.streams.Scenario;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StackExtension.class)
class IndexerIT {
    @Test
    @SuppressWarnings("try") // the indexer runs for the duration of the block, unreferenced
    void shouldLeaveExactlyOneDocumentPerEventWhenTheSameEventsAreIndexedTwice(Stack stack, @TempDir Path dir)
            throws Exception {
        String runId = ItSupport.runId();
        StreamsAppConfig cfg = ItSupport.config(stack, runId, dir);
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        ItSupport.createTopics(cfg, topics);
        List<Event> events = uniqueEvents(runId);
        List<String> ids = events.stream().map(Event::getId).toList();
        List<Alert> alerts = Scenario.expectedAlerts(RuleSet.fromClasspath());
        String dayIndex = EventDocument.forEvent(events.get(0).toJson()).index();
        String alertIndex = EventDocument.forAlert(alerts.get(0).toJson()).index();
        assertThat(events).allMatch(e -> EventDocument.forEvent(e.toJson()).index().equals(dayIndex));

        try (RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(cfg.kafka().clientProperties(),
                        new StringSerializer(), new ByteArraySerializer());
                EventIndexer indexer = EventIndexer.start(cfg.kafka().clientProperties(), cfg.indexerGroupId(),
                        topics, es)) {
            send(producer, topics, events);
            send(producer, topics, events);
            for (Alert a : alerts) {
                producer.send(new ProducerRecord<>(topics.alerts().name(), a.getId(), a.toJson()));
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> countIds(es, dayIndex, ids) == ids.size());
            assertThat(countTerms(es, dayIndex, "event.id", ids)).isEqualTo(ids.size());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    countIds(es, alertIndex, alerts.stream().map(Alert::getId).toList()) == alerts.size());
            assertThat(committedEverything(cfg, topics)).isTrue();

            // the replay overwrote, it did not add
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> countTerms(es, dayIndex, "event.id", ids) == ids.size());
            assertMapping(es, dayIndex);
        }
    }

    @Test
    @SuppressWarnings("try")
    void shouldNotIndexAnEventWhenItsTransactionWasAborted(Stack stack, @TempDir Path dir) throws Exception {
        String runId = ItSupport.runId();
        StreamsAppConfig cfg = ItSupport.config(stack, runId, dir);
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        ItSupport.createTopics(cfg, topics);
        List<Event> events = uniqueEvents(runId);
        Event aborted = events.get(0);
        Event committed = events.get(1);
        String dayIndex = EventDocument.forEvent(aborted.toJson()).index();
        Map<String, Object> props = new HashMap<>(cfg.kafka().clientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + runId);

        try (RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch());
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                        new ByteArraySerializer());
                EventIndexer indexer = EventIndexer.start(cfg.kafka().clientProperties(), cfg.indexerGroupId(),
                        topics, es)) {
            // what a streams app killed mid-transaction leaves; one partition, so the committed event comes after
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.events().name(), 0, aborted.getHostName(), aborted.toJson()))
                    .get();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.events().name(), 0, committed.getHostName(),
                    committed.toJson())).get();
            producer.commitTransaction();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> countIds(es, dayIndex, List.of(committed.getId())) == 1);
            assertThat(countIds(es, dayIndex, List.of(aborted.getId()))).isZero();
        }
    }

    private void assertMapping(RestClient es, String dayIndex) {
        JsonNode m = ItSupport.get(es, "/" + dayIndex + "/_mapping").path(dayIndex).path("mappings").path("properties");
        assertThat(m.at("/host/properties/name/type").asText()).isEqualTo("keyword");
        assertThat(m.at("/event/properties/id/type").asText()).isEqualTo("keyword");
        assertThat(m.at("/event/properties/code/type").asText()).isEqualTo("keyword");
        assertThat(m.at("/@timestamp/type").asText()).isEqualTo("date");
        assertThat(m.at("/message/type").asText()).isEqualTo("text");
        assertThat(m.at("/process/properties/pid/type").asText()).isEqualTo("long");
        assertThat(m.at("/process/properties/command_line/type").asText()).isEqualTo("keyword");
        assertThat(m.at("/process/properties/command_line/fields/text/type").asText()).isEqualTo("text");
        JsonNode eventData = m.at("/winlog/properties/event_data/properties");
        assertThat(eventData.size()).isPositive();
        eventData.forEach(field -> assertThat(field.path("type").asText()).isEqualTo("keyword"));
    }

    /** Did the indexer commit up to the end of the events topic (only after Elasticsearch had the records)? */
    private static boolean committedEverything(StreamsAppConfig cfg, Topics topics) throws Exception {
        try (Admin admin = Admin.create(cfg.kafka().clientProperties())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < cfg.topicPartitions(); p++) {
                latest.put(new TopicPartition(topics.events().name(), p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(cfg.indexerGroupId()).partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null
                                && committed.get(e.getKey()).offset() == e.getValue().offset()));
            });
            return true;
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, Topics topics, List<Event> events) {
        for (Event e : events) {
            producer.send(new ProducerRecord<>(topics.events().name(), e.getHostName(), e.toJson()));
        }
    }

    /** The scenario's events with ids of this run, so documents of other runs do not count. */
    private static List<Event> uniqueEvents(String runId) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        return Scenario.events().stream().map(e -> {
            ObjectNode tree = e.toTree();
            String id = HexFormat.of().formatHex(sha1.digest((runId + e.getId()).getBytes(StandardCharsets.UTF_8)));
            ((ObjectNode) tree.path("event")).put("id", id);
            return Event.fromTree(tree);
        }).toList();
    }
}
