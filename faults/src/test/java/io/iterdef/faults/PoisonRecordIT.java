package io.iterdef.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A poison record on every topic the running pipeline reads, then a good scenario copy: each poison is dead-lettered
 * with its reason or, where the reader has no dead-letter topic, refused with a logged reason, and the good copy still
 * comes out whole (every event indexed, every expected alert stored as an incident).
 * <ul>
 * <li>iterdef.raw (normalize, sent through the collector's TCP port): iterdef.dlq, reason = the decoder's;
 * <li>iterdef.events (detect): iterdef.dlq, reason "detect: event parse failed: ..."; the indexer, which reads the
 * same topic, logs "cannot be indexed ...; skipped";
 * <li>iterdef.alerts (incident-web): no dead-letter topic for alerts yet, so refused: "Skipping malformed alert ...";
 * the indexer logs it as not indexable;
 * <li>iterdef.rules (every streams-app instance): refused, "rule set ... refused, still running ...";
 * <li>iterdef.tasks (the agent server): no dead-letter topic, the request is recorded as refused with the reason in
 * rule_task_requests (and logged), and the next request is handled.
 * </ul>
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class PoisonRecordIT {

    @BeforeAll
    static void stack() {
        FaultStack.get();
    }

    @Test
    void shouldDeadLetterOrRefuseEachPoisonAndGoOnWhenEveryTopicGetsOne() throws Exception {
        Pipeline pipeline = new Pipeline("poison");
        Load load = Load.of(pipeline.runId, 1);
        String rawPoison = "{\"this is\": \"not a shipper record\", " + pipeline.runId;
        String eventPoison = "not an ECS event " + pipeline.runId;
        String alertPoison = "{\"not\": \"an alert " + pipeline.runId;
        String rulesPoison = "not a rule set bundle " + pipeline.runId;

        try (AppProcess web = pipeline.startWeb(); AppProcess streams = pipeline.startStreams()) {
            TcpShipper shipper = new TcpShipper(pipeline.collectorTcpPort, 200);
            shipper.sendWithRetry(0, List.of(rawPoison));
            Kafka.send(new ProducerRecord<>(pipeline.topic("iterdef.events"), bytes("poison.faults.example.org"),
                    bytes(eventPoison)));
            Kafka.send(new ProducerRecord<>(pipeline.topic("iterdef.alerts"), bytes("poison-alert"), bytes(alertPoison)));
            Kafka.send(new ProducerRecord<>(pipeline.topic("iterdef.rules"), bytes("active"), bytes(rulesPoison)));

            // the pipeline goes on: a good copy after the poisons comes out whole
            shipper.sendWithRetry(1, load.copies().get(0).lines());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Elasticsearch.countIds("events-*", load.eventIds()) == load.eventIds().size());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Set.copyOf(Database.alertIds(load.hosts())).equals(load.alertIds()));
            assertThat(load.alertIds()).isNotEmpty();

            // raw and events: dead-lettered with the original bytes and a reason
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> deadLetters(pipeline).size() >= 2);
            List<ConsumerRecord<byte[], byte[]>> dead = deadLetters(pipeline);
            assertThat(dead).hasSize(2);
            assertThat(reasonOf(dead, rawPoison)).isNotBlank();
            assertThat(reasonOf(dead, eventPoison)).startsWith("detect: event parse failed");

            // alerts and rules: refused with the reason in the log, the readers still running
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> web.logged("Skipping malformed alert at " + pipeline.topic("iterdef.alerts")));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> streams.logged("refused, still running"));
            assertThat(streams.log()).contains("cannot be indexed");
            assertThat(streams.isAlive()).isTrue();
            assertThat(web.isAlive()).isTrue();
            assertThat(Database.doubledIncidents(load.hosts())).isEmpty();
        }
    }

    @Test
    void shouldRecordAPoisonTaskRequestAsRefusedAndGoOnWhenTheAgentServerReadsIt() throws Exception {
        Pipeline pipeline = new Pipeline("poison-tasks");
        String tasks = pipeline.topic("iterdef.tasks");
        String good = "{\"requestId\":\"faults-" + pipeline.runId + "\",\"ruleId\":\"faults-rule\",\"ruleName\":"
                + "\"faults\",\"host\":\"nobody-" + pipeline.runId + ".faults.example.org\",\"type\":\"process.list\"}";
        try (AppProcess server = pipeline.startAgentServer()) {
            Kafka.send(new ProducerRecord<>(tasks, 0, bytes("poison.faults.example.org"), bytes("not a task request")));
            Kafka.send(new ProducerRecord<>(tasks, 0, bytes("nobody.faults.example.org"), bytes(good)));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !Database.taskRequests("faults-" + pipeline.runId).isEmpty());
            assertThat(Database.taskRequests("malformed:" + tasks + "-0@0")).singleElement().asString()
                    .startsWith("refused: the record is not JSON");
            assertThat(server.log()).contains("malformed:" + tasks + "-0@0");
            assertThat(server.isAlive()).isTrue();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(Pipeline pipeline) {
        return Kafka.readToEnd(pipeline.topic("iterdef.dlq"));
    }

    private static String reasonOf(List<ConsumerRecord<byte[], byte[]>> dead, String poison) {
        List<ConsumerRecord<byte[], byte[]>> matching = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(poison)).toList();
        assertThat(matching).as("dead letters of %s", poison).hasSize(1);
        Header reason = matching.get(0).headers().lastHeader("iterdef.dlq.reason");
        assertThat(reason).as("iterdef.dlq.reason of %s", poison).isNotNull();
        return new String(reason.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
