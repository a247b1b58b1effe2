package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import io.iterdef.streams.detect.DetectMetrics;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collection loop through normalize and detect as StreamsApp runs them: a Sysmon LSASS access on iterdef.raw
 * raises the first alert and two task requests on iterdef.tasks; the agent server's agent-result records (header
 * iterdef.format=agent-result) become events, and the second rule fires on them. A malformed result is dead-lettered.
 */
class AgentLoopTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-17T09:20:00Z");
    private static final Duration PUNCTUATE = Duration.ofSeconds(1);
    private static final String FIXTURE = "rules/windows/process_access/credential_access_lsass_accessor_confirmed/"
            + "match/procdump_still_running_hashed.ndjson";
    private static final String HOST = "fin-ws07.corp.example.org";
    private static RuleSet rules;
    private final Topics topics = Topics.withPrefix("loop.");
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, byte[]> events;
    private TestOutputTopic<String, byte[]> alerts;
    private TestOutputTopic<String, byte[]> tasks;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeAll
    static void compileRules() {
        rules = RuleSet.fromClasspath();
    }

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "agent-loop-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        Decoders decoders = Decoders.defaults(ZoneOffset.UTC, Clock.fixed(T0, ZoneOffset.UTC));
        driver = new TopologyTestDriver(PipelineTopology.build(decoders, rules, Duration.ofSeconds(5), PUNCTUATE,
                topics, new DetectMetrics()), props, T0);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(topics.events().name(), new StringDeserializer(), new ByteArrayDeserializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), new StringDeserializer(), new ByteArrayDeserializer());
        tasks = driver.createOutputTopic(topics.tasksName(), new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldRequestCollectionAndConfirmWhenTheAgentResultsArrive() throws IOException {
        List<byte[]> lines = fixtureLines();
        raw.pipeInput(new TestRecord<>(null, lines.get(0), T0)); // Sysmon 10, NXLog JSON
        driver.advanceWallClockTime(PUNCTUATE);

        List<TestRecord<String, byte[]>> first = alerts.readRecordsToList();
        assertThat(first).hasSize(1);
        String alertId = first.get(0).key();
        List<TestRecord<String, byte[]>> requests = tasks.readRecordsToList();
        assertThat(requests).extracting(TestRecord::key).containsOnly(HOST);
        List<JsonNode> bodies = requests.stream().map(r -> (JsonNode) Json.parseObject(r.value())).toList();
        assertThat(bodies).extracting(b -> b.get("requestId").asText())
                .containsExactly(alertId + ":process.list:0", alertId + ":file.hash:0");
        assertThat(bodies.get(1).get("params").get("path").asText())
                .isEqualTo("C:\\Users\\jdoe\\Downloads\\procdump64.exe");
        assertThat(bodies.get(1).get("ruleId").asText()).isEqualTo("1f5545ce-c189-4794-bf62-026bcf939c2e");
        assertThat(bodies.get(1).get("alertId").asText()).isEqualTo(alertId);
        assertThat(bodies.get(1).get("requestedAt").asText()).isEqualTo("2026-11-17T09:31:03.241Z");

        raw.pipeInput(new TestRecord<>(bytes(HOST), lines.get(1), agentResultHeaders(), T0));
        raw.pipeInput(new TestRecord<>(bytes(HOST), lines.get(2), agentResultHeaders(), T0));
        driver.advanceWallClockTime(PUNCTUATE);

        List<Event> agentEvents = events.readRecordsToList().stream()
                .peek(r -> assertThat(r.key()).isEqualTo(HOST))
                .map(r -> Event.fromJson(r.value()))
                .filter(e -> "iterdef-agent".equals(e.getProvider())).toList();
        assertThat(agentEvents).hasSize(4); // three processes and one hash
        assertThat(agentEvents).extracting(Event::getId).containsExactly(
                Json.sha1Hex("11111111-1111-4111-8111-111111111111:0"),
                Json.sha1Hex("11111111-1111-4111-8111-111111111111:1"),
                Json.sha1Hex("11111111-1111-4111-8111-111111111111:2"),
                Json.sha1Hex("22222222-2222-4222-8222-222222222222:0"));
        List<Alert> second = alerts.readRecordsToList().stream().map(r -> Alert.fromJson(r.value())).toList();
        assertThat(second).extracting(Alert::getRuleName).containsExactly("LSASS accessor confirmed on the host");
        assertThat(tasks.isEmpty()).as("the second rule requests nothing").isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAMalformedAgentResultToTheDlqWithTheReason() {
        byte[] bad = bytes("{\"recordType\":\"agent-result\",\"version\":1,\"taskId\":\"t-1\",\"status\":\"succeeded\"}");
        raw.pipeInput(new TestRecord<>(bytes(HOST), bad, agentResultHeaders(), T0));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(bad);
        assertThat(new String(dead.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(), StandardCharsets.UTF_8))
                .contains("agent-result without taskType");
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldRefuseAnAgentResultWhenAShipperSentIt() throws IOException {
        byte[] forged = fixtureLines().get(1);
        RecordHeaders shipper = new RecordHeaders();
        shipper.add(Topics.HEADER_SOURCE, bytes("10.1.2.3"));
        raw.pipeInput(new TestRecord<>(bytes("10.1.2.3"), forged, shipper, T0)); // auto-detected as agent-result

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(forged);
        assertThat(new String(dead.headers().lastHeader(Topics.HEADER_DLQ_REASON).value(), StandardCharsets.UTF_8))
                .contains("only accepted from the agent server");
        assertThat(events.isEmpty()).isTrue();
    }

    private static RecordHeaders agentResultHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_SOURCE, bytes("agent:7d8c2f1e-5b3a-4c9d-8e1f-2a3b4c5d6e7f"));
        headers.add(Topics.HEADER_FORMAT, bytes("agent-result"));
        return headers;
    }

    private static List<byte[]> fixtureLines() throws IOException {
        try (InputStream in = AgentLoopTopologyTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(AgentLoopTopologyTest::bytes).toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
