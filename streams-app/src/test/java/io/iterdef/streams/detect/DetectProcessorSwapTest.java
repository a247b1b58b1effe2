package io.iterdef.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.DrlSources;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.rules.ActiveRules;
import io.iterdef.streams.rules.RuleSetBundle;
import io.iterdef.streams.rules.TestRuleSets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hot reload inside one detect task: a rule set published while a sequence is half seen is swapped in with the
 * task's state, the sequence completes under it and its alert records the new version; a set that does not compile
 * is refused and the task goes on with the running one.
 */
class DetectProcessorSwapTest {
    private static final String SEQUENCE_RULE = "New account added to a privileged group soon after its creation";
    private static final String FIXTURE = "rules/windows/security/persistence_new_account_added_to_privileged_group/"
            + "match/local_account_then_administrators_1s.ndjson";
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration PUNCTUATE = Duration.ofSeconds(1);
    private static Map<String, String> builtin;
    private static RuleSet builtinRules;
    private static List<Event> accountThenGroup;
    private final KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(DetectState.STORE), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled().withCachingDisabled().build();
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private long wallMs = 1_000_000;

    @BeforeAll
    static void load() throws IOException, DecodeException {
        builtin = DrlSources.fromClasspath(DetectProcessorSwapTest.class.getClassLoader());
        builtinRules = RuleSet.compile(builtin);
        accountThenGroup = new ArrayList<>();
        try (InputStream in = DetectProcessorSwapTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    accountThenGroup.addAll(Decoders.defaults(ZoneOffset.UTC).decode(
                            line.getBytes(StandardCharsets.UTF_8), null));
                }
            }
        }
    }

    @Test
    void shouldCompleteAHalfSeenSequenceUnderTheNewSetWhenASetIsPublished() {
        ActiveRules rules = new ActiveRules("builtin-x", builtinRules, Clock.systemUTC());
        DetectProcessor processor = start(rules);
        pipe(processor, accountThenGroup.get(0));
        quiet();
        RuleSetBundle bundle = RuleSetBundle.of(TestRuleSets.builtinPlusOne(builtin), Instant.parse("2026-11-29T00:50:00Z"));

        assertThat(rules.offer(bundle)).isTrue();
        pipe(processor, accountThenGroup.get(1));
        quiet();

        List<Alert> alerts = alerts();
        assertThat(alerts).extracting(Alert::getRuleName).containsExactly(SEQUENCE_RULE);
        assertThat(alerts).extracting(Alert::getRulesetVersion).containsOnly(bundle.version());
        processor.close();
    }

    @Test
    void shouldKeepTheRunningSetWhenAPublishedSetDoesNotCompile() {
        ActiveRules rules = new ActiveRules("builtin-x", builtinRules, Clock.systemUTC());
        DetectProcessor processor = start(rules);
        pipe(processor, accountThenGroup.get(0));
        quiet();
        RuleSetBundle bad = RuleSetBundle.of(TestRuleSets.broken(builtin), Instant.parse("2026-11-29T00:51:00Z"));

        assertThat(rules.offer(bad)).isFalse();
        pipe(processor, accountThenGroup.get(1));
        quiet();

        assertThat(rules.current().version()).isEqualTo("builtin-x");
        assertThat(rules.refused().version()).isEqualTo(bad.version());
        assertThat(rules.refused().errors()).contains("broken.drl");
        assertThat(alerts()).extracting(Alert::getRuleName).containsExactly(SEQUENCE_RULE);
        assertThat(alerts()).extracting(Alert::getRulesetVersion).containsOnly("builtin-x");
        processor.close();
    }

    private DetectProcessor start(ActiveRules rules) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        context.setCurrentSystemTimeMs(wallMs);
        DetectProcessor processor = new DetectProcessor(rules, GRACE, PUNCTUATE, new DetectProcessor.Sinks("alerts", "dlq", "tasks"), new DetectMetrics());
        processor.init(context);
        return processor;
    }

    private void pipe(DetectProcessor processor, Event e) {
        processor.process(new Record<>(e.getHostName().getBytes(StandardCharsets.UTF_8), e.toJson(), wallMs));
    }

    private void quiet() {
        for (int i = 0; i < 2; i++) {
            wallMs += PUNCTUATE.toMillis();
            context.setCurrentSystemTimeMs(wallMs);
            context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(wallMs));
        }
    }

    private List<Alert> alerts() {
        return context.forwarded().stream().filter(f -> "alerts".equals(f.childName().orElse(null)))
                .map(f -> Alert.fromJson((byte[]) f.record().value())).toList();
    }
}
