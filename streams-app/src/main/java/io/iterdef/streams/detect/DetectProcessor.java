package io.iterdef.streams.detect;

import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.engine.StreamDetector;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.TaskRequest;
import io.iterdef.streams.rules.ActiveRules;
import io.iterdef.streams.topic.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one {@link StreamDetector} (reorder buffer + Drools session) for its stream task. The session's
 * pseudo clock follows event time. Alerts raised while an event is evaluated are forwarded right after it, and
 * the task requests of their rules ({@code response.collect}) to iterdef.tasks (key host; none while a rebuild mutes
 * alerts, so a restart or a swap never asks twice);
 * an alert whose suppression window closed with suppressed matches is forwarded again under the same key
 * (alert id) with its {@code suppressed_count}, so the indexer overwrites the document and incident-web
 * updates the stored alert. An event later than the grace period (older than the session clock) is
 * evaluated by the single-event rules only and counted in {@link DetectMetrics}; a log line reports the
 * first one and every {@value #LATE_LOG_EVERY}th one after it.
 *
 * <p><b>Recovery.</b> Every event taken (late ones excepted) is also put in the task's changelogged
 * {@link DetectState} store, kept for the {@linkplain #retention(RuleSet, Duration) retention}, with the detector's
 * clock. On {@link #init} (a new task, a restart after a crash, a task moved to another instance by a rebalance) a
 * fresh detector is rebuilt from the store with alerts muted ({@link StreamDetector#restore}): a sequence half seen
 * before the restart completes once, an alert sent before is not sent again (its suppression window is reopened),
 * and the events that were waiting in the reorder buffer wait there again. What is not rebuilt: the history of
 * new-term and spike rules older than the retention, and late events (evaluated by single-event rules at once).
 * Suppressed counts of a window still open at the crash are counted again from the stored events.
 *
 * <p><b>Hot reload.</b> On each record and punctuation the processor checks the instance's {@link ActiveRules}; when
 * another rule set became current it swaps: a new detector on the new rules, rebuilt from the store exactly as at a
 * restart (alerts muted), so a sequence half seen before the swap completes after it. Each alert records the version
 * of the rule set that raised it.
 */
final class DetectProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger log = LoggerFactory.getLogger(DetectProcessor.class);
    static final long LATE_LOG_EVERY = 1000;

    private final ActiveRules rules;
    private final Duration grace;
    private final Duration punctuateInterval;
    private final Sinks sinks;
    private final DetectMetrics metrics;
    private final List<Alert> raised = new ArrayList<>();
    private final List<TaskRequest> requested = new ArrayList<>();
    private ProcessorContext<Object, Object> context;
    private ActiveRules.Active running;
    private StreamDetector detector;
    private KeyValueStore<Bytes, byte[]> store;
    private DetectState state;
    private Cancellable punctuator;
    private long lastInputWallMs;

    /** The processor's sink names: alerts, dead letters, rules' task requests. */
    record Sinks(String alerts, String dlq, String tasks) {
    }

    DetectProcessor(ActiveRules rules, Duration grace, Duration punctuateInterval, Sinks sinks, DetectMetrics metrics) {
        this.rules = rules;
        this.grace = grace;
        this.punctuateInterval = punctuateInterval;
        this.sinks = sinks;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.store = context.getStateStore(DetectState.STORE);
        start(rules.current());
        this.lastInputWallMs = context.currentSystemTimeMs();
        this.punctuator = context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    /** A new detector on {@code active}'s rules, rebuilt from the store. */
    private void start(ActiveRules.Active active) {
        this.running = active;
        // a rule that throws on one event must not stop detection for the task
        this.detector = active.ruleSet().newStreamDetector(grace, raised::add, requested::add, (e, ex) ->
                log.error("rule evaluation failed on event {}; event skipped by the engine", e.getId(), ex));
        this.state = new DetectState(store, retention(active.ruleSet(), grace));
        rebuild();
    }

    /** Swaps in the instance's current rule set when it is not the one this task runs. */
    private void swapIfChanged() {
        ActiveRules.Active current = rules.current();
        if (current == running) {
            return;
        }
        String before = running.version();
        detector.close();
        start(current);
        log.info("detect task {} swapped rule set {} for {}", context.taskId(), before, current.version());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        swapIfChanged();
        Event event;
        try {
            event = Event.fromJson(record.value());
        } catch (RuntimeException e) {
            context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(),
                    DeadLetter.headers(record.headers(), DeadLetter.reason("detect: event parse", e))), sinks.dlq());
            return;
        }
        lastInputWallMs = context.currentSystemTimeMs();
        long lateBefore = detector.lateEvents();
        detector.add(event);
        metrics.event();
        if (detector.lateEvents() > lateBefore) {
            metrics.lateEvent();
            if (detector.lateEvents() % LATE_LOG_EVERY == 1) {
                log.warn("late event {} from {} at {}, {} behind the task's clock (grace {}): evaluated by single-event "
                        + "rules only; {} late events on task {} so far", event.getId(), event.getHostName(),
                        event.getTimestamp(), Duration.between(event.getTimestamp(), detector.session().currentTime()),
                        grace, detector.lateEvents(), context.taskId());
            }
        }
        if (detector.lateEvents() == lateBefore) {
            state.put(event, record.value());
        }
        state.saveClock(detector.session().currentTime(), detector.newest(), detector.buffered());
        forwardRaised(record.timestamp());
    }

    /**
     * How long events are kept for a rebuild: the longest rule window plus the longest suppression period (an alert
     * raised by events that old may still suppress a match now), plus the grace and a minute of margin.
     */
    static Duration retention(RuleSet ruleSet, Duration grace) {
        Duration suppress = ruleSet.rules().stream().map(r -> r.suppress()).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        return ruleSet.longestWindow().plus(suppress).plus(grace).plus(Duration.ofMinutes(1));
    }

    private void rebuild() {
        if (!state.load()) {
            return;
        }
        long started = System.nanoTime();
        Instant clock = state.clock();
        long stored = state.count();
        // the eager rules judged the events as they arrived, the others in time order: each is rebuilt that way
        state.replayInArrivalOrder(detector::rejudgeOnArrival);
        state.replay(events -> detector.restore(events, stored - state.buffered(), clock, state.newest()));
        metrics.rebuilt(stored);
        log.info("detect task {} rebuilt its session from {} stored events in {} ms (clock {}, {} waiting in the "
                + "reorder buffer); alerts were muted while it did", context.taskId(), stored,
                (System.nanoTime() - started) / 1_000_000, clock, detector.buffered());
    }

    /**
     * Drops the stored events older than the retention; when input has been quiet for a whole interval, releases
     * the buffer and moves the clock to the newest event.
     */
    private void onWallClock(long wallMs) {
        swapIfChanged();
        state.prune(detector.session().currentTime());
        if (wallMs - lastInputWallMs < punctuateInterval.toMillis()) {
            return;
        }
        detector.flush();
        state.saveClock(detector.session().currentTime(), detector.newest(), detector.buffered());
        forwardRaised(wallMs);
    }

    private void forwardRaised(long timestamp) {
        for (Alert alert : raised) {
            metrics.alert(alert.getSuppressedCount() > 0);
            context.forward(new Record<Object, Object>(alert.getId(),
                    alert.withRulesetVersion(running.version()).toJson(), timestamp), sinks.alerts());
        }
        raised.clear();
        for (TaskRequest request : requested) {
            context.forward(new Record<Object, Object>(request.host(), request.toJson(), timestamp), sinks.tasks());
        }
        requested.clear();
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
        if (detector != null) {
            if (detector.buffered() > 0) {
                log.info("detect task closing with {} buffered events not yet evaluated", detector.buffered());
            }
            if (detector.lateEvents() > 0) {
                log.info("detect task closing; {} late events were evaluated by single-event rules only",
                        detector.lateEvents());
            }
            detector.close();
        }
    }
}
