package io.iterdef.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.Scenario;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DetectTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-17T09:20:00Z");
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration PUNCTUATE = Duration.ofSeconds(1);
    private static RuleSet rules;
    private final Topics topics = Topics.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestInputTopic<byte[], byte[]> eventsAsBytes;
    private TestOutputTopic<String, byte[]> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;
    private DetectMetrics metrics;

    @BeforeAll
    static void compileRules() {
        rules = RuleSet.fromClasspath();
    }

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detect-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        metrics = new DetectMetrics();
        driver = new TopologyTestDriver(DetectTopology.build(rules, GRACE, PUNCTUATE, topics, metrics), props, T0);
        events = driver.createInputTopic(topics.events().name(), new StringSerializer(), new ByteArraySerializer());
        eventsAsBytes = driver.createInputTopic(topics.events().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), new StringDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(topics.dlq().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void shouldRaiseTheOfflineAlertsKeyedByAlertIdWhenTheScenarioEventsArriveInTimeOrder() {
        List<Event> inTimeOrder = new ArrayList<>(Scenario.events());
        inTimeOrder.sort(Comparator.comparing(Event::getTimestamp));
        inTimeOrder.forEach(this::pipe);
        driver.advanceWallClockTime(PUNCTUATE);

        List<TestRecord<String, byte[]>> out = alerts.readRecordsToList();
        List<String> expectedIds = Scenario.offlineAlerts(rules).stream().map(Alert::getId).toList();
        assertThat(expectedIds).hasSize(3);
        assertThat(out).extracting(TestRecord::key).containsExactlyInAnyOrderElementsOf(expectedIds);
        for (TestRecord<String, byte[]> r : out) {
            assertThat(Alert.fromJson(r.value()).getId()).isEqualTo(r.key());
        }
        assertThat(out).extracting(r -> Alert.fromJson(r.value()).getRuleName())
                .containsExactlyInAnyOrder("Script host or Office application spawned a shell",
                        "Encoded PowerShell command line", "Discovery command burst on one host");
    }

    @Test
    void shouldRaiseAnEagerAlertOnTheFirstMatchToArriveWhenTheScenarioEventsArriveAsShipped() {
        // as shipped, a process start's Security 4688 (time in whole seconds) arrives after its Sysmon 1 twin but is
        // a fraction of a second older: an eager rule raises on the twin that arrives first, and counts the other
        List<Event> shipped = Scenario.events();
        shipped.forEach(this::pipe);
        driver.advanceWallClockTime(PUNCTUATE);

        List<Alert> out = alerts.readRecordsToList().stream().map(r -> Alert.fromJson(r.value())).toList();
        List<Alert> offline = Scenario.offlineAlerts(rules);
        assertThat(out).extracting(Alert::getId)
                .containsExactlyInAnyOrderElementsOf(Scenario.expectedAlerts(rules).stream().map(Alert::getId).toList());
        assertThat(out).extracting(Alert::getRuleName)
                .containsExactlyInAnyOrderElementsOf(offline.stream().map(Alert::getRuleName).toList());
        List<String> arrival = shipped.stream().map(Event::getId).toList();
        for (Alert expected : offline) {
            Alert actual = out.stream().filter(a -> a.getRuleName().equals(expected.getRuleName())).findFirst()
                    .orElseThrow();
            boolean eager = rules.rules().stream().anyMatch(r -> r.name().equals(expected.getRuleName())
                    && rules.isEager(r));
            if (!eager) {
                assertThat(actual.getId()).as(expected.getRuleName()).isEqualTo(expected.getId());
            } else if (!actual.getId().equals(expected.getId())) {
                assertThat(arrival.indexOf(actual.getEventIds().get(0))).as(expected.getRuleName())
                        .isLessThan(arrival.indexOf(expected.getEventIds().get(0)));
                assertThat(Duration.between(expected.getTimestamp(), actual.getTimestamp())).isPositive()
                        .isLessThan(GRACE);
            }
        }
    }

    @Test
    void shouldRaiseAnEagerRuleOnArrivalAndHoldTheOthersInTheReorderBufferUntilInputGoesQuiet() {
        Event encoded = encodedPowerShell();
        pipe(encoded);

        // a single-event rule that changes no facts (eager): judged when the event arrives, not after the grace
        List<TestRecord<String, byte[]>> atOnce = alerts.readRecordsToList();
        assertThat(atOnce).extracting(r -> Alert.fromJson(r.value()).getRuleName())
                .containsExactly("Encoded PowerShell command line");
        assertThat(Alert.fromJson(atOnce.get(0).value()).getEventIds()).containsExactly(encoded.getId());

        Instant t = encoded.getTimestamp().plusSeconds(1);
        for (int i = 0; i < 5; i++) {
            pipe(discovery(encoded, t.plusMillis(500L * i), i));
        }
        driver.advanceWallClockTime(PUNCTUATE.dividedBy(2));
        assertThat(alerts.isEmpty()).as("the burst waits within grace, before the quiet flush").isTrue();

        driver.advanceWallClockTime(PUNCTUATE);
        assertThat(alerts.readRecordsToList()).extracting(r -> Alert.fromJson(r.value()).getRuleName())
                .as("the encoded start not judged again when released").containsExactly("Discovery command burst on one host");
    }

    @Test
    void shouldReleaseEventsWithoutWaitingWhenNewerEventsPassTheGracePeriod() {
        List<Event> all = Scenario.events();
        all.forEach(this::pipe);

        // the encoded PowerShell start is more than the grace period older than the last scenario event
        assertThat(alerts.readRecordsToList()).extracting(r -> Alert.fromJson(r.value()).getRuleName())
                .contains("Encoded PowerShell command line");
    }

    @Test
    void shouldSendMalformedEventToDlqAndKeepDetectingWhenEventValueIsNotEcsJson() {
        eventsAsBytes.pipeInput(new TestRecord<>("h".getBytes(StandardCharsets.UTF_8),
                "not json".getBytes(StandardCharsets.UTF_8), T0));
        eventsAsBytes.pipeInput(new TestRecord<>(null, "{\"event\":{}}".getBytes(StandardCharsets.UTF_8), T0));
        Scenario.events().forEach(this::pipe);
        driver.advanceWallClockTime(PUNCTUATE);

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not json");
        assertThat(new String(dead.get(0).headers().lastHeader(Topics.HEADER_DLQ_REASON).value(),
                StandardCharsets.UTF_8)).startsWith("detect: event parse failed");
        assertThat(alerts.readRecordsToList()).hasSize(3);
    }

    @Test
    void shouldRaiseAndCountALateEventWhenASingleEventRuleMatchesIt() {
        Event encoded = encodedPowerShell();
        Instant t = encoded.getTimestamp();
        pipe(variant(encoded, t.plusSeconds(60), "notepad.exe", "notepad.exe C:\\notes.txt"));
        pipe(variant(encoded, t.plusSeconds(70), "notepad.exe", "notepad.exe C:\\todo.txt"));

        pipe(encoded); // a minute older than the task's clock: later than the 5 s grace

        List<TestRecord<String, byte[]>> out = alerts.readRecordsToList();
        assertThat(out).hasSize(1);
        Alert alert = Alert.fromJson(out.get(0).value());
        assertThat(alert.getRuleName()).isEqualTo("Encoded PowerShell command line");
        assertThat(alert.getTimestamp()).isEqualTo(t);
        assertThat(out.get(0).key()).isEqualTo(alert.getId());
        assertThat(metrics.lateEvents()).isEqualTo(1);
        assertThat(metrics.events()).isEqualTo(3);
        assertThat(metrics.prometheus()).contains("iterdef_detect_late_events_total 1\n");
    }

    @Test
    void shouldNotCompleteTheDiscoveryBurstWhenItsFifthCommandIsLate() {
        Event template = encodedPowerShell();
        Instant t = template.getTimestamp().plusSeconds(600);
        for (int i = 0; i < 4; i++) {
            pipe(discovery(template, t.plusSeconds(5L * i), i));
        }
        pipe(variant(template, t.plusSeconds(200), "notepad.exe", "notepad.exe C:\\notes.txt"));
        pipe(variant(template, t.plusSeconds(210), "notepad.exe", "notepad.exe C:\\todo.txt"));

        pipe(discovery(template, t.plusSeconds(25), 4));
        driver.advanceWallClockTime(PUNCTUATE.multipliedBy(2));

        assertThat(metrics.lateEvents()).isEqualTo(1);
        assertThat(alerts.readRecordsToList()).isEmpty();
    }

    @Test
    void shouldRaiseTheDiscoveryBurstWhenItsFifthCommandIsOutOfOrderWithinGrace() {
        Event template = encodedPowerShell();
        Instant t = template.getTimestamp().plusSeconds(600);
        for (int i = 0; i < 4; i++) {
            pipe(discovery(template, t.plusSeconds(5L * i), i));
        }
        pipe(variant(template, t.plusSeconds(22), "notepad.exe", "notepad.exe C:\\notes.txt"));

        pipe(discovery(template, t.plusSeconds(19), 4)); // 3 s older than the newest event: reordered
        driver.advanceWallClockTime(PUNCTUATE.multipliedBy(2));

        assertThat(metrics.lateEvents()).isZero();
        assertThat(alerts.readRecordsToList()).extracting(r -> Alert.fromJson(r.value()).getRuleName())
                .containsExactly("Discovery command burst on one host");
    }

    @Test
    void shouldSendTheAlertAgainUnderItsIdWithTheCountWhenItsSuppressionWindowCloses() {
        Event encoded = encodedPowerShell();
        Instant t = encoded.getTimestamp();
        pipe(encoded);
        pipe(variant(encoded, t.plusSeconds(10), null, null));
        pipe(variant(encoded, t.plusSeconds(20), null, null));
        driver.advanceWallClockTime(PUNCTUATE.multipliedBy(2));
        List<TestRecord<String, byte[]>> first = alerts.readRecordsToList();
        assertThat(first).hasSize(1);
        assertThat(Alert.fromJson(first.get(0).value()).getSuppressedCount()).isZero();

        pipe(variant(encoded, t.plus(Duration.ofMinutes(11)), "notepad.exe", "notepad.exe C:\\notes.txt"));
        driver.advanceWallClockTime(PUNCTUATE.multipliedBy(2));

        List<TestRecord<String, byte[]>> update = alerts.readRecordsToList();
        assertThat(update).hasSize(1);
        assertThat(update.get(0).key()).isEqualTo(first.get(0).key());
        Alert updated = Alert.fromJson(update.get(0).value());
        assertThat(updated.getSuppressedCount()).isEqualTo(2);
        assertThat(updated.getLastSuppressedAt()).isEqualTo(t.plusSeconds(20));
        assertThat(updated.getTimestamp()).isEqualTo(t);
        assertThat(metrics.alerts()).isEqualTo(1);
        assertThat(metrics.alertUpdates()).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryTakenEventInTheStateStoreExceptLateOnes() {
        Event encoded = encodedPowerShell();
        Instant t = encoded.getTimestamp();
        Event newer = variant(encoded, t.plusSeconds(60), "notepad.exe", "notepad.exe C:\\notes.txt");
        Event newest = variant(encoded, t.plusSeconds(70), "notepad.exe", "notepad.exe C:\\todo.txt");
        pipe(newer);
        pipe(newest); // releases the one before: the clock is at t + 60 s, the newest waits in the buffer
        pipe(encoded); // late: judged by single-event rules, never in the session, so not kept for a rebuild

        KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(DetectState.STORE);
        DetectState state = new DetectState(store, DetectProcessor.retention(rules, GRACE));
        assertThat(state.events()).extracting(Event::getId).containsExactly(newer.getId(), newest.getId());
        assertThat(state.load()).isTrue();
        assertThat(state.clock()).isEqualTo(newer.getTimestamp());
        assertThat(state.buffered()).isEqualTo(1);
        assertThat(state.newest()).isEqualTo(newest.getTimestamp());
        assertThat(metrics.lateEvents()).isEqualTo(1);
    }

    private static Event encodedPowerShell() {
        return Scenario.events().stream()
                .filter(e -> e.getCommandLine() != null && e.getCommandLine().toLowerCase().contains(" -enc"))
                .findFirst().orElseThrow();
    }

    private static final String[][] DISCOVERY = { { "whoami.exe", "whoami /all" }, { "net.exe", "net user /domain" },
            { "ipconfig.exe", "ipconfig /all" }, { "systeminfo.exe", "systeminfo" },
            { "nltest.exe", "nltest /dclist:corp.example.org" } };

    private static Event discovery(Event template, Instant time, int i) {
        return variant(template, time, DISCOVERY[i][0], DISCOVERY[i][1]);
    }

    /** The template process start at another time and with a new id; another process when {@code name} is set. */
    private static Event variant(Event template, Instant time, String name, String commandLine) {
        ObjectNode tree = template.toTree().deepCopy();
        tree.put("@timestamp", time.toString());
        ((ObjectNode) tree.get("event")).put("id", template.getId() + "-" + time.toEpochMilli() + "-" + name);
        if (name != null) {
            ObjectNode process = (ObjectNode) tree.get("process");
            process.put("name", name);
            process.put("executable", "C:\\Windows\\System32\\" + name);
            process.put("command_line", commandLine);
        }
        return Event.fromTree(tree);
    }

    private void pipe(Event e) {
        events.pipeInput(new TestRecord<>(e.getHostName(), e.toJson(), T0));
    }
}
