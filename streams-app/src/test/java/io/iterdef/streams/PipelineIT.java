package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real StreamsApp against the stack: scenario over TCP -> alerts on Kafka and documents in Elasticsearch. */
@ExtendWith(StackExtension.class)
class PipelineIT {

    @Test
    void shouldRaiseScenarioAlertsAndIndexEveryEventOnceWhenTheScenarioIsSentTwice(Stack stack, @TempDir Path dir)
            throws Exception {
        StreamsAppConfig cfg = ItSupport.config(stack, ItSupport.runId(), dir);
        List<byte[]> lines = Scenario.lines();
        List<Event> events = Scenario.events();
        List<String> eventIds = events.stream().map(Event::getId).toList();
        Set<String> expectedAlertIds = Scenario.expectedAlerts(RuleSet.fromClasspath()).stream()
                .map(Alert::getId).collect(Collectors.toSet());
        String dayIndex = "events-" + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC)
                .format(events.get(0).getTimestamp());
        Instant started = Instant.now();

        try (StreamsApp app = StreamsApp.start(cfg);
                RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch())) {
            Topics topics = app.topics();
            try (KafkaConsumer<byte[], byte[]> alerts = ItSupport.consumer(cfg, topics.alerts().name());
                    KafkaConsumer<byte[], byte[]> dlq = ItSupport.consumer(cfg, topics.dlq().name())) {
                send(app.collectorPort(), lines, "this line is not JSON");

                List<ConsumerRecord<byte[], byte[]>> alertRecords = new ArrayList<>();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> keys(ItSupport.pollInto(alerts, alertRecords)).containsAll(expectedAlertIds));
                for (ConsumerRecord<byte[], byte[]> r : alertRecords) {
                    assertThat(Alert.fromJson(r.value()).getId()).isEqualTo(new String(r.key(), StandardCharsets.UTF_8));
                }

                List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> !ItSupport.pollInto(dlq, dead).isEmpty());
                assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("this line is not JSON");
                assertThat(dead.get(0).headers().lastHeader(Topics.HEADER_DLQ_REASON)).isNotNull();

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ItSupport.indexedSince(es, dayIndex, eventIds, started) == eventIds.size());

                // the same scenario again: same documents, no alert with a new id
                send(app.collectorPort(), lines, null);
                Instant resent = Instant.now();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ItSupport.indexedSince(es, dayIndex, eventIds, resent) == eventIds.size());
                assertThat(ItSupport.countTerms(es, dayIndex, "event.id", eventIds)).isEqualTo(eventIds.size());
                assertThat(keys(ItSupport.pollInto(alerts, alertRecords))).isSubsetOf(expectedAlertIds);
            }
        }
    }

    private static Set<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
    }

    private static void send(int port, List<byte[]> lines, String poison) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                out.write(lines.get(i));
                out.write('\n');
                if (i == 2 && poison != null) {
                    out.write((poison + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            socket.shutdownOutput();
            socket.setSoTimeout(60_000);
            socket.getInputStream().read(); // returns when the collector has Kafka's confirmation for every line
        }
    }
}
