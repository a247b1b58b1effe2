package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Json;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collection loop on the real stack, the way the agent server feeds it: a Sysmon LSASS access on iterdef.raw
 * gives the first alert and two task requests on iterdef.tasks (key host); agent-result records (header
 * iterdef.format=agent-result) become events in iterdef.events and Elasticsearch and raise the second alert. Host
 * name and task ids are random, so nothing collides with other runs in the shared events index.
 */
@ExtendWith(StackExtension.class)
class AgentLoopIT {
    private static final String FIXTURE = "rules/windows/process_access/credential_access_lsass_accessor_confirmed/"
            + "match/procdump_still_running_hashed.ndjson";

    @Test
    void shouldRequestCollectionAndConfirmWhenTheAgentResultsComeBack(Stack stack, @TempDir Path dir) throws Exception {
        StreamsAppConfig cfg = ItSupport.config(stack, ItSupport.runId(), dir);
        String host = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".corp.example.org";
        List<ObjectNode> fixture = fixture();
        ObjectNode access = fixture.get(0);
        access.put("Hostname", host);
        List<ObjectNode> results = List.of(withTask(fixture.get(1), host), withTask(fixture.get(2), host));

        try (StreamsApp app = StreamsApp.start(cfg);
                RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch());
                KafkaProducer<byte[], byte[]> producer = producer(cfg)) {
            Topics topics = app.topics();
            try (KafkaConsumer<byte[], byte[]> alerts = ItSupport.consumer(cfg, topics.alerts().name());
                    KafkaConsumer<byte[], byte[]> tasks = ItSupport.consumer(cfg, topics.tasksName())) {
                producer.send(new ProducerRecord<>(topics.raw().name(), Json.write(access))).get();

                List<ConsumerRecord<byte[], byte[]>> requests = new ArrayList<>();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ItSupport.pollInto(tasks, requests).size() >= 2);
                List<ConsumerRecord<byte[], byte[]>> alertRecords = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> !ItSupport.pollInto(alerts, alertRecords).isEmpty());
                String alertId = new String(alertRecords.get(0).key(), StandardCharsets.UTF_8);
                assertThat(requests).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsOnly(host);
                assertThat(requests).extracting(r -> Json.parseObject(r.value()).get("requestId").asText())
                        .containsExactlyInAnyOrder(alertId + ":process.list:0", alertId + ":file.hash:0");

                for (ObjectNode result : results) {
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topics.raw().name(),
                            host.getBytes(StandardCharsets.UTF_8), Json.write(result));
                    record.headers().add(Topics.HEADER_SOURCE, ("agent:" + result.get("agentId").asText())
                            .getBytes(StandardCharsets.UTF_8));
                    record.headers().add(Topics.HEADER_FORMAT, "agent-result".getBytes(StandardCharsets.UTF_8));
                    producer.send(record).get();
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> ItSupport.pollInto(alerts, alertRecords).stream()
                                .map(r -> Alert.fromJson(r.value()).getRuleName())
                                .anyMatch("LSASS accessor confirmed on the host"::equals));

                String processTask = results.get(0).get("taskId").asText();
                List<String> ids = List.of(Json.sha1Hex(processTask + ":0"), Json.sha1Hex(processTask + ":1"),
                        Json.sha1Hex(processTask + ":2"), Json.sha1Hex(results.get(1).get("taskId").asText() + ":0"));
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ItSupport.countIds(es, "events-*", ids) == ids.size());
                JsonNode hits = ItSupport.search(es, "events-*", Map.of("term", Map.of("iterdef.task.id",
                        results.get(1).get("taskId").asText())), 10).path("hits").path("hits");
                assertThat(hits).hasSize(1);
                JsonNode hash = hits.get(0).path("_source");
                assertThat(hash.path("host").path("name").asText()).isEqualTo(host);
                assertThat(hash.path("event").path("dataset").asText()).isEqualTo("agent.file.hash");
                assertThat(hash.path("file").path("hash").path("sha256").asText()).hasSize(64);
            }
        }
    }

    /** A result of the fixture as the agent server would publish it for this run: own host and task id. */
    private static ObjectNode withTask(ObjectNode result, String host) {
        result.put("taskId", UUID.randomUUID().toString());
        result.put("host", host);
        return result;
    }

    private static List<ObjectNode> fixture() throws IOException {
        try (InputStream in = AgentLoopIT.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> Json.parseObject(l.getBytes(StandardCharsets.UTF_8))).toList();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(StreamsAppConfig cfg) {
        Map<String, Object> props = new HashMap<>(cfg.kafka().clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
