package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.kb.engine.DrlSources;
import io.iterdef.kb.event.Alert;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.rules.RuleSetBundle;
import io.iterdef.streams.rules.RulesCli;
import io.iterdef.streams.rules.TestRuleSets;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload against the stack's Kafka: the streams app (in this JVM) takes the 4720 of a sequence under its built-in
 * rules; {@code rules publish} publishes the built-in rules plus a canary rule; once {@code rules status} shows the
 * instance on the new version, the 4732 completes the sequence under it (one alert, carrying the new version). Then a
 * set that does not parse is put on iterdef.rules directly (the command would refuse it): the instance refuses it,
 * {@code rules status} shows the refusal, and a second sequence still raises its alert under the previous version.
 */
@ExtendWith(StackExtension.class)
class RuleHotReloadIT {

    @Test
    void shouldCompleteAHalfSeenSequenceUnderAPublishedSetAndRefuseABrokenOne(Stack stack, @TempDir Path dir)
            throws Exception {
        String runId = ItSupport.runId();
        Map<String, String> env = ItSupport.env(stack, runId, dir.resolve("data"), DetectCrashIT.FAST_FAILOVER);
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(env);
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        String host = "reload-" + runId + ".corp.example.org";
        List<String> first = ItEvents.accountThenGroup(host);
        // the same sequence two hours later (new event ids, past the rule's 30 min suppression)
        List<String> second = first.stream().map(l -> l.replace("\"2026-11-17 10:02:1", "\"2026-11-17 12:02:1"))
                .toList();
        Map<String, String> drl = TestRuleSets.builtinPlusOne(
                DrlSources.fromClasspath(RuleHotReloadIT.class.getClassLoader()));
        Path rulesDir = dir.resolve("rules");
        for (var e : drl.entrySet()) {
            Files.createDirectories(rulesDir.resolve(e.getKey()).getParent());
            Files.writeString(rulesDir.resolve(e.getKey()), e.getValue());
        }

        try (StreamsApp app = StreamsApp.start(cfg);
                Producer<byte[], byte[]> producer = ItEvents.producer(cfg.kafka().clientProperties())) {
            String instance = StreamsApp.instanceId(cfg);
            String builtin = app.rules().current().version();
            assertThat(builtin).startsWith("builtin-");

            ItEvents.send(producer, topics, "reload-it", List.of(first.get(0)));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.detectMetrics().events() >= 1);

            String[] published = run(env, "publish", rulesDir.toString());
            assertThat(published[0]).as("publish exit code; stderr: %s", published[2]).isEqualTo("0");
            String version = published[1].strip();
            assertThat(version).matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> statusLine(env, instance).contains(version));

            ItEvents.send(producer, topics, "reload-it", List.of(first.get(1)));
            List<Alert> sequence = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> sequenceAlerts(cfg, topics, host), a -> !a.isEmpty());
            assertThat(sequence).hasSize(1);
            assertThat(sequence.get(0).getRulesetVersion()).isEqualTo(version);
            assertThat(sequence.get(0).getEventIds()).containsExactly(ItEvents.decode(first.get(0)).getId(),
                    ItEvents.decode(first.get(1)).getId());

            RuleSetBundle broken = RuleSetBundle.of(TestRuleSets.broken(drl), Instant.now().plusSeconds(1));
            producer.send(new ProducerRecord<>(topics.rulesName(),
                    RuleSetBundle.KEY.getBytes(StandardCharsets.UTF_8), broken.toJson())).get();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> statusLine(env, instance).contains(broken.version()));
            assertThat(statusLine(env, instance)).contains(version).contains("broken.drl");
            assertThat(app.rules().current().version()).isEqualTo(version);

            ItEvents.send(producer, topics, "reload-it", second);
            List<Alert> both = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> sequenceAlerts(cfg, topics, host), a -> a.size() >= 2);
            assertThat(both).hasSize(2).extracting(Alert::getRulesetVersion).containsOnly(version);
            assertThat(both).extracting(Alert::getId).doesNotHaveDuplicates();
        }
    }

    private static List<Alert> sequenceAlerts(StreamsAppConfig cfg, Topics topics, String host) {
        return DetectCrashIT.alerts(cfg, topics).stream()
                .filter(a -> a.getRuleName().equals(ItEvents.SEQUENCE_RULE) && host.equals(a.getHostName())).toList();
    }

    /** The instance's line of {@code rules status}, or "" when it has none yet. */
    private static String statusLine(Map<String, String> env, String instance) {
        String[] status = run(env, "status");
        assertThat(status[0]).as("status exit code; stderr: %s", status[2]).isEqualTo("0");
        return status[1].lines().filter(l -> l.startsWith(instance + " ")).findFirst().orElse("");
    }

    /** exit code, stdout, stderr. */
    private static String[] run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RulesCli.execute(env, new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
