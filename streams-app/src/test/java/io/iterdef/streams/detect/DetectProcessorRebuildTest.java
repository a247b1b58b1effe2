package io.iterdef.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;
import io.iterdef.streams.rules.ActiveRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A detect task stops (crash, restart, rebalance) and a new processor takes over its state store: the session is
 * rebuilt from the store with alerts muted. The store is the same instance for both processors, as Kafka Streams
 * restores it from the changelog before it calls init.
 */
class DetectProcessorRebuildTest {
    private static final String SEQUENCE_RULE = "New account added to a privileged group soon after its creation";
    private static final String FIXTURE = "rules/windows/security/persistence_new_account_added_to_privileged_group/"
            + "match/local_account_then_administrators_1s.ndjson";
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration PUNCTUATE = Duration.ofSeconds(1);
    private static RuleSet rules;
    private static List<Event> accountThenGroup;
    private KeyValueStore<Bytes, byte[]> store;
    private long wallMs = 1_000_000;

    @BeforeAll
    static void load() throws IOException, DecodeException {
        rules = RuleSet.fromClasspath();
        accountThenGroup = new ArrayList<>();
        try (InputStream in = DetectProcessorRebuildTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    accountThenGroup.addAll(Decoders.defaults(ZoneOffset.UTC).decode(
                            line.getBytes(StandardCharsets.UTF_8), null));
                }
            }
        }
        assertThat(accountThenGroup).extracting(Event::getCode).containsExactly("4720", "4732");
    }

    @BeforeEach
    void newStore() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(DetectState.STORE), Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingDisabled().withCachingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @Test
    void shouldRaiseTheSequenceOnceWhenItsFirstEventWasEvaluatedBeforeTheRestart() {
        Task before = new Task();
        before.pipe(accountThenGroup.get(0));
        before.quiet(); // the 4720 leaves the reorder buffer: it is in the session, the clock at its time
        assertThat(before.alerts()).isEmpty();
        before.close();

        Task after = new Task();
        after.pipe(accountThenGroup.get(1));
        after.quiet();
        assertThat(after.alerts()).extracting(Alert::getRuleName).containsOnlyOnce(SEQUENCE_RULE);
        assertThat(after.metrics.rebuiltEvents()).isEqualTo(1);
    }

    @Test
    void shouldRaiseTheSequenceOnceWhenItsFirstEventWasStillInTheReorderBuffer() {
        Task before = new Task();
        before.pipe(accountThenGroup.get(0)); // within grace, not yet evaluated
        assertThat(before.alerts()).isEmpty();
        before.close();

        Task after = new Task();
        after.pipe(accountThenGroup.get(1));
        after.quiet();
        assertThat(after.alerts()).extracting(Alert::getRuleName).containsOnlyOnce(SEQUENCE_RULE);
    }

    @Test
    void shouldNotSendAnAlertAgainWhenTheTaskRestartsAfterSendingIt() {
        Task before = new Task();
        accountThenGroup.forEach(before::pipe);
        before.quiet();
        List<Alert> sent = before.alerts();
        assertThat(sent).extracting(Alert::getRuleName).contains(SEQUENCE_RULE);
        before.close();

        Task after = new Task();
        after.quiet();
        // the group change again a minute later: within the sequence's 30 min suppression, rebuilt from the store
        after.pipe(later(accountThenGroup.get(1), Duration.ofMinutes(1)));
        after.quiet();
        assertThat(after.alerts()).extracting(Alert::getRuleName).doesNotContain(SEQUENCE_RULE);
        assertThat(after.alerts()).extracting(Alert::getId).doesNotContainAnyElementsOf(
                sent.stream().map(Alert::getId).toList());
    }

    @Test
    void shouldNotRequestCollectionAgainWhenTheTaskRestartsAfterTheRequest() throws Exception {
        String fixture = "rules/windows/process_access/credential_access_lsass_access/match/procdump_0x1fffff.json";
        Event access;
        try (InputStream in = DetectProcessorRebuildTest.class.getClassLoader().getResourceAsStream(fixture)) {
            access = Decoders.defaults(ZoneOffset.UTC).decode(in.readAllBytes(), null).get(0);
        }
        Task before = new Task();
        before.pipe(access);
        before.quiet();
        String alertId = before.alerts().get(0).getId();
        assertThat(before.taskRequestIds()).containsExactly(alertId + ":process.list:0", alertId + ":file.hash:0");
        before.close();

        Task after = new Task(); // rebuilt from the store with alerts, and so requests, muted
        after.quiet();
        after.pipe(later(access, Duration.ofMinutes(1))); // within the rule's 10 min suppression
        after.quiet();
        assertThat(after.alerts()).isEmpty();
        assertThat(after.taskRequestIds()).isEmpty();
    }

    @Test
    void shouldNotSendAnEagerAlertAgainWhenItsEventWasStillInTheReorderBufferAtTheRestart() throws Exception {
        String fixture = "rules/windows/process_creation/execution_encoded_powershell/match/sysmon1_nop_hidden_enc.json";
        String encodedRule = "Encoded PowerShell command line";
        Event encoded;
        try (InputStream in = DetectProcessorRebuildTest.class.getClassLoader().getResourceAsStream(fixture)) {
            encoded = Decoders.defaults(ZoneOffset.UTC).decode(in.readAllBytes(), null).get(0);
        }
        Task before = new Task();
        before.pipe(encoded); // judged by the eager rules at once, then waits in the reorder buffer
        assertThat(before.alerts()).extracting(Alert::getRuleName).containsOnlyOnce(encodedRule);
        before.close();

        Task after = new Task(); // rebuilt: the buffered event judged again by the eager rules, muted
        after.quiet();
        assertThat(after.alerts()).extracting(Alert::getRuleName).doesNotContain(encodedRule);
        after.pipe(later(encoded, Duration.ofMinutes(1))); // within the rule's suppression, rebuilt from the store
        after.quiet();
        assertThat(after.alerts()).extracting(Alert::getRuleName).doesNotContain(encodedRule);
    }

    @Test
    void shouldSendTheSuppressedCountUnderTheAlertSentBeforeTheRestartWhenItsMatchesArrivedOutOfOrder()
            throws Exception {
        String fixture = "rules/windows/process_creation/execution_encoded_powershell/match/sysmon1_nop_hidden_enc.json";
        Event encoded;
        try (InputStream in = DetectProcessorRebuildTest.class.getClassLoader().getResourceAsStream(fixture)) {
            encoded = Decoders.defaults(ZoneOffset.UTC).decode(in.readAllBytes(), null).get(0);
        }
        Event earlier = later(encoded, Duration.ofSeconds(-2)); // arrives second, within the grace
        Task before = new Task();
        before.pipe(encoded); // the eager rule raises on it at once
        before.pipe(earlier); // counted into that alert
        assertThat(before.alerts()).singleElement().satisfies(a ->
                assertThat(a.getEventIds()).containsExactly(encoded.getId()));
        String sent = before.alerts().get(0).getId();
        before.close();

        Task after = new Task(); // rebuilt: the eager rule judges the stored events again in arrival order, muted
        after.pipe(later(encoded, Duration.ofHours(1))); // a new match, an hour later: the old window closes
        after.quiet();

        assertThat(after.alerts()).filteredOn(a -> a.getId().equals(sent)).as("the count of the window open at the "
                + "restart, under the alert sent before it").singleElement()
                .extracting(Alert::getSuppressedCount).isEqualTo(1L);
        assertThat(after.alerts()).as("no alert opened by the event that arrived second")
                .noneMatch(a -> a.getEventIds().get(0).equals(earlier.getId()));
    }

    @Test
    void shouldDropStoredEventsOlderThanTheRetentionWhenThePunctuatorRuns() {
        Task task = new Task();
        task.pipe(accountThenGroup.get(0));
        task.quiet();
        Duration retention = DetectProcessor.retention(rules, GRACE);
        task.pipe(later(accountThenGroup.get(1), retention.plusMinutes(1)));
        task.quiet();
        task.close();

        Task after = new Task();
        assertThat(after.metrics.rebuiltEvents()).isEqualTo(1);
        assertThat(keysStartingWith('a')).as("arrival index entries, pruned with their events").isEqualTo(1);
    }

    private long keysStartingWith(char prefix) {
        long n = 0;
        try (var it = store.all()) {
            while (it.hasNext()) {
                n += it.next().key.get()[0] == prefix ? 1 : 0;
            }
        }
        return n;
    }

    private static Event later(Event e, Duration by) {
        var tree = e.toTree().deepCopy();
        tree.put("@timestamp", e.getTimestamp().plus(by).toString());
        tree.with("event").put("id", e.getId() + "+" + by);
        return Event.fromTree(tree);
    }

    /** One incarnation of the task: a processor on the shared store. */
    private final class Task {
        final DetectMetrics metrics = new DetectMetrics();
        final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        final DetectProcessor processor = new DetectProcessor(ActiveRules.fixed("test", rules), GRACE, PUNCTUATE,
                new DetectProcessor.Sinks("alerts", "dlq", "tasks"), metrics);

        Task() {
            context.addStateStore(store);
            context.setCurrentSystemTimeMs(wallMs);
            processor.init(context);
        }

        void pipe(Event e) {
            processor.process(new Record<>(e.getHostName().getBytes(StandardCharsets.UTF_8), e.toJson(), wallMs));
        }

        /** Input stays quiet for two punctuation intervals. */
        void quiet() {
            for (int i = 0; i < 2; i++) {
                wallMs += PUNCTUATE.toMillis();
                context.setCurrentSystemTimeMs(wallMs);
                context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(wallMs));
            }
        }

        List<String> taskRequestIds() {
            return context.forwarded().stream().filter(f -> "tasks".equals(f.childName().orElse(null)))
                    .map(f -> Json.parseObject((byte[]) f.record().value()).get("requestId").asText()).toList();
        }

        List<Alert> alerts() {
            return context.forwarded().stream().filter(f -> "alerts".equals(f.childName().orElse(null)))
                    .map(f -> Alert.fromJson((byte[]) f.record().value())).toList();
        }

        void close() {
            processor.close();
        }
    }
}
