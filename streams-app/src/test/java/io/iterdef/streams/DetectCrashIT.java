package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams app is killed (SIGKILL) in the middle of a sequence, the 4720 (account created) processed and its
 * detection state committed, the 4732 (added to Administrators) not yet sent, and started again with the same
 * application id and state: the sequence alert fires exactly once, no alert is on iterdef.alerts twice (read as
 * downstream consumers do, read_committed), and both events are in Elasticsearch once.
 */
@ExtendWith(StackExtension.class)
class DetectCrashIT {
    static final Map<String, String> FAST_FAILOVER = Map.of("ITERDEF_STREAMS_SESSION_TIMEOUT_MS", "6000",
            "ITERDEF_STREAMS_COMMIT_MS", "200", "ITERDEF_COLLECTOR_TCP_PORT", "0",
            "ITERDEF_COLLECTOR_HTTP_PORT", "-1", "ITERDEF_COLLECTOR_SYSLOG_PORT", "-1");

    @Test
    void shouldRaiseTheSequenceOnceWhenTheAppIsKilledBetweenItsEvents(Stack stack, @TempDir Path dir)
            throws Exception {
        String runId = ItSupport.runId();
        Map<String, String> env = ItSupport.env(stack, runId, dir.resolve("data"), FAST_FAILOVER);
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(env);
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        List<String> lines = ItEvents.accountThenGroup("crash-" + runId + ".corp.example.org");
        Event created = ItEvents.decode(lines.get(0));
        Event added = ItEvents.decode(lines.get(1));
        String index = "events-" + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC)
                .format(created.getTimestamp());
        String changelog = cfg.applicationId() + "-detect-state-changelog";

        try (Producer<byte[], byte[]> producer = ItEvents.producer(cfg.kafka().clientProperties());
                RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch())) {
            try (StreamsAppProcess first = StreamsAppProcess.start(env, dir.resolve("first.log"))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> first.logged("streams app ready"));
                ItEvents.send(producer, topics, "crash-it", List.of(lines.get(0)));
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ItSupport.countIds(es, index, List.of(created.getId())) == 1);
                // the detect task committed the 4720 into its state (the changelog is read as a restore reads it)
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ItSupport.readToEnd(cfg, changelog).stream()
                                .anyMatch(r -> r.key().length > 0 && r.key()[0] == 'e'));
                first.kill();
            }

            try (StreamsAppProcess second = StreamsAppProcess.start(env, dir.resolve("second.log"))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> second.logged("streams app ready"));
                ItEvents.send(producer, topics, "crash-it", List.of(lines.get(1)));
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> ItSupport.countIds(es, index, List.of(added.getId())) == 1);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> alerts(cfg, topics).stream().anyMatch(a -> a.getRuleName()
                                .equals(ItEvents.SEQUENCE_RULE)));
                assertThat(second.log()).contains("rebuilt its session from 1 stored events");
                assertThat(second.stop()).as("exit code after SIGTERM").isIn(0, 143);
            }

            // every transaction is now committed or aborted: the whole topic as downstream consumers see it
            List<Alert> alerts = alerts(cfg, topics);
            assertThat(alerts).filteredOn(a -> a.getRuleName().equals(ItEvents.SEQUENCE_RULE)).hasSize(1)
                    .allSatisfy(a -> assertThat(a.getEventIds()).containsExactly(created.getId(), added.getId()));
            assertThat(alerts).extracting(Alert::getId).doesNotHaveDuplicates();
            assertThat(ItSupport.countIds(es, index, List.of(created.getId(), added.getId()))).isEqualTo(2);
            assertThat(ItSupport.countTerms(es, index, "host.name", List.of(created.getHostName()))).isEqualTo(2);
        }
    }

    static List<Alert> alerts(StreamsAppConfig cfg, Topics topics) {
        return ItSupport.readToEnd(cfg, topics.alerts().name()).stream().map(ConsumerRecord::value)
                .map(Alert::fromJson).toList();
    }
}
