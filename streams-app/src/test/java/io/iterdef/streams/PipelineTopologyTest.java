package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.streams.detect.DetectMetrics;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenario's raw lines through normalize and detect together, as StreamsApp runs them. */
class PipelineTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-17T09:20:00Z");
    private static final Duration PUNCTUATE = Duration.ofSeconds(1);
    private static RuleSet rules;

    @BeforeAll
    static void compileRules() {
        rules = RuleSet.fromClasspath();
    }

    @Test
    void shouldRaiseTheSameAlertIdsEveryTimeWhenTheScenarioIsReplayedWithAPoisonPill() {
        List<String> first = replay();
        List<String> second = replay();

        List<String> expected = Scenario.expectedAlerts(rules).stream().map(Alert::getId).toList();
        assertThat(first).hasSize(3).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(second).containsExactlyElementsOf(first);
    }

    private List<String> replay() {
        Topics topics = Topics.defaults();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pipeline-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        Decoders decoders = Decoders.defaults(ZoneOffset.UTC, Clock.fixed(T0, ZoneOffset.UTC));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                PipelineTopology.build(decoders, rules, Duration.ofSeconds(5), PUNCTUATE, topics,
                        new DetectMetrics()), props, T0)) {
            TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.raw().name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<String, byte[]> alerts = driver.createOutputTopic(topics.alerts().name(),
                    new StringDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(topics.dlq().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());

            List<byte[]> lines = Scenario.lines();
            for (int i = 0; i < lines.size(); i++) {
                raw.pipeInput(new TestRecord<>(null, lines.get(i), T0.plusMillis(i)));
                if (i == 3) {
                    raw.pipeInput(new TestRecord<>(null, "garbage\r".getBytes(StandardCharsets.UTF_8), T0));
                }
            }
            driver.advanceWallClockTime(PUNCTUATE);

            assertThat(dlq.readRecordsToList()).hasSize(1);
            return alerts.readRecordsToList().stream().map(TestRecord::key).toList();
        }
    }
}
