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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.Producer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two streams app processes with one application id share the partitions (each its own state dir). Every host
 * starts a sequence (4720) while both run; then one instance is stopped while the sequences' second events (4732)
 * are being sent: its detect tasks move, with their state from the changelog, to the other, and no event and no
 * alert is lost or doubled.
 */
@ExtendWith(StackExtension.class)
class DetectTwoInstancesIT {
    private static final int HOSTS = 12;

    @Test
    void shouldLoseNeitherEventsNorAlertsWhenOneOfTwoInstancesStopsMidStream(Stack stack, @TempDir Path dir)
            throws Exception {
        String runId = ItSupport.runId();
        Map<String, String> overrides = new HashMap<>(DetectCrashIT.FAST_FAILOVER);
        overrides.put("ITERDEF_TOPIC_PARTITIONS", "4");
        Map<String, String> envOne = ItSupport.env(stack, runId, dir.resolve("one"), overrides);
        Map<String, String> envTwo = ItSupport.env(stack, runId, dir.resolve("two"), overrides);
        StreamsAppConfig cfg = StreamsAppConfig.fromMap(envOne);
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        List<String> created = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> hostNames = new ArrayList<>();
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            List<String> pair = ItEvents.accountThenGroup("ws" + i + "-" + runId + ".corp.example.org");
            created.add(pair.get(0));
            added.add(pair.get(1));
            Event first = ItEvents.decode(pair.get(0));
            ids.add(first.getId());
            createdIds.add(first.getId());
            ids.add(ItEvents.decode(pair.get(1)).getId());
            hostNames.add(first.getHostName());
        }
        String index = "events-" + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC)
                .format(ItEvents.decode(created.get(0)).getTimestamp());

        try (Producer<byte[], byte[]> producer = ItEvents.producer(cfg.kafka().clientProperties());
                RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch());
                Admin admin = Admin.create(cfg.kafka().clientProperties());
                StreamsAppProcess one = StreamsAppProcess.start(envOne, dir.resolve("one.log"));
                StreamsAppProcess two = StreamsAppProcess.start(envTwo, dir.resolve("two.log"))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> one.logged("streams app ready")
                    && two.logged("streams app ready"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> bothHaveTasks(admin, cfg.applicationId()));

            ItEvents.send(producer, topics, "two-instances-it", created);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ItSupport.countIds(es, index, createdIds) == HOSTS);

            ItEvents.send(producer, topics, "two-instances-it", added.subList(0, HOSTS / 2));
            assertThat(one.stop()).as("exit code after SIGTERM").isIn(0, 143);
            ItEvents.send(producer, topics, "two-instances-it", added.subList(HOSTS / 2, HOSTS));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ItSupport.countIds(es, index, ids) == 2L * HOSTS);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sequenceAlerts(cfg, topics).size() == HOSTS);
            assertThat(two.log()).as("the stopped instance's detect tasks were rebuilt on the other")
                    .contains("rebuilt its session from");
            assertThat(two.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }

        List<Alert> alerts = DetectCrashIT.alerts(cfg, topics);
        assertThat(alerts).extracting(Alert::getId).doesNotHaveDuplicates();
        assertThat(sequenceAlerts(cfg, topics)).extracting(Alert::getHostName)
                .containsExactlyInAnyOrderElementsOf(hostNames);
        try (RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch())) {
            assertThat(ItSupport.countIds(es, index, ids)).isEqualTo(2L * HOSTS);
            assertThat(ItSupport.countTerms(es, index, "host.name", hostNames)).isEqualTo(2L * HOSTS);
        }
    }

    private static List<Alert> sequenceAlerts(StreamsAppConfig cfg, Topics topics) {
        return DetectCrashIT.alerts(cfg, topics).stream().filter(a -> a.getRuleName().equals(ItEvents.SEQUENCE_RULE))
                .toList();
    }

    /** The application's consumer group is stable with two members, each with partitions assigned. */
    private static boolean bothHaveTasks(Admin admin, String applicationId) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get()
                .get(applicationId);
        return group.members().size() == 2
                && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }
}
