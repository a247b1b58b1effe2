package io.iterdef.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.Scenario;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NormalizeTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-17T09:20:00Z");
    private final Topics topics = Topics.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, byte[]> events;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void setUp() {
        Decoders decoders = Decoders.defaults(ZoneOffset.UTC, Clock.fixed(T0, ZoneOffset.UTC));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "normalize-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(NormalizeTopology.build(decoders, topics), props, T0);
        raw = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(topics.events().name(), new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldPublishEcsEventKeyedByHostNameWhenRecordIsNxlogJson() throws Exception {
        byte[] line = Scenario.lines().get(0);
        raw.pipeInput(new TestRecord<>(bytes("10.1.2.3"), line, envelope(), T0));

        TestRecord<String, byte[]> out = events.readRecord();
        Event event = Event.fromJson(out.value());
        assertThat(out.key()).isEqualTo(event.getHostName()).isEqualTo("fin-ws07.corp.example.org");
        assertThat(event.getId()).isEqualTo(sha1Hex(line));
        assertThat(out.headers().lastHeader(Topics.HEADER_SOURCE).value()).isEqualTo(bytes("10.1.2.3"));
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDecodeEveryRecordWhenTheScenarioIsReplayed() {
        List<byte[]> lines = Scenario.lines();
        lines.forEach(line -> raw.pipeInput(new TestRecord<>(null, line, envelope(), T0)));

        assertThat(events.readRecordsToList()).hasSize(lines.size());
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldSendOriginalBytesAndHeadersToDlqWithReasonWhenRecordIsNotJson() {
        byte[] poison = bytes("<Event>this is not JSON</Event>");
        raw.pipeInput(new TestRecord<>(bytes("10.1.2.3"), poison, envelope(), T0));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.key()).isEqualTo(bytes("10.1.2.3"));
        assertThat(text(dead.headers(), Topics.HEADER_DLQ_REASON)).contains("not JSON");
        assertThat(text(dead.headers(), Topics.HEADER_SOURCE)).isEqualTo("10.1.2.3");
        assertThat(text(dead.headers(), Topics.HEADER_RECEIVED)).isEqualTo(Long.toString(T0.toEpochMilli()));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldSendToDlqWithReasonWhenJsonIsNotAWindowsEvent() {
        byte[] notAnEvent = bytes("{\"hello\":\"world\",\"level\":3}");
        raw.pipeInput(new TestRecord<>(null, notAnEvent, envelope(), T0));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(notAnEvent);
        assertThat(text(dead.headers(), Topics.HEADER_DLQ_REASON)).isNotBlank();
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepProcessingGoodRecordsWhenAPoisonPillIsBetweenThem() {
        List<byte[]> lines = Scenario.lines();
        raw.pipeInput(new TestRecord<>(null, lines.get(0), envelope(), T0));
        raw.pipeInput(new TestRecord<>(null, bytes("{not json"), envelope(), T0));
        raw.pipeInput(new TestRecord<>(null, new byte[0], envelope(), T0));
        raw.pipeInput(new TestRecord<>(null, lines.get(1), envelope(), T0));

        assertThat(events.readRecordsToList()).hasSize(2);
        assertThat(dlq.readRecordsToList()).hasSize(2);
    }

    @Test
    void shouldSendToDlqWhenTheFormatHintIsUnknown() {
        Headers headers = envelope();
        headers.add(Topics.HEADER_FORMAT, bytes("cef"));
        raw.pipeInput(new TestRecord<>(null, Scenario.lines().get(0), headers, T0));

        assertThat(text(dlq.readRecord().headers(), Topics.HEADER_DLQ_REASON)).contains("cef");
        assertThat(events.isEmpty()).isTrue();
    }

    private static Headers envelope() {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.HEADER_RECEIVED, bytes(Long.toString(T0.toEpochMilli())));
        h.add(Topics.HEADER_SOURCE, bytes("10.1.2.3"));
        return h;
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha1Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
    }
}
