package io.iterdef.streams.detect;

import io.iterdef.kb.engine.DetectionSession;
import io.iterdef.kb.engine.ReorderBuffer;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.topic.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one {@link DetectionSession} and one {@link ReorderBuffer} for its stream task. The session's
 * pseudo clock follows event time. Alerts raised while an event is inserted are forwarded right after it.
 * State is in memory: after a restart or rebalance, the new session starts empty (rebuild from a
 * changelogged window store comes with a later issue).
 */
final class DetectProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger log = LoggerFactory.getLogger(DetectProcessor.class);

    private final RuleSet ruleSet;
    private final Duration grace;
    private final Duration punctuateInterval;
    private final String alertsSink;
    private final String dlqSink;
    private final List<Alert> raised = new ArrayList<>();
    private ProcessorContext<Object, Object> context;
    private DetectionSession session;
    private ReorderBuffer buffer;
    private Cancellable punctuator;
    private Instant newest;
    private long lastInputWallMs;

    DetectProcessor(RuleSet ruleSet, Duration grace, Duration punctuateInterval, String alertsSink, String dlqSink) {
        this.ruleSet = ruleSet;
        this.grace = grace;
        this.punctuateInterval = punctuateInterval;
        this.alertsSink = alertsSink;
        this.dlqSink = dlqSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.session = ruleSet.newSession(raised::add);
        this.buffer = new ReorderBuffer(grace);
        this.lastInputWallMs = context.currentSystemTimeMs();
        this.punctuator = context.schedule(punctuateInterval, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Event event;
        try {
            event = Event.fromJson(record.value());
        } catch (RuntimeException e) {
            context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(),
                    DeadLetter.headers(record.headers(), DeadLetter.reason("detect: event parse", e))), dlqSink);
            return;
        }
        lastInputWallMs = context.currentSystemTimeMs();
        if (newest == null || event.getTimestamp().isAfter(newest)) {
            newest = event.getTimestamp();
        }
        insertAll(buffer.add(event));
        forwardRaised(record.timestamp());
    }

    /** When input has been quiet for a whole interval, release the buffer and move the clock to the newest event. */
    private void onWallClock(long wallMs) {
        if (wallMs - lastInputWallMs < punctuateInterval.toMillis()) {
            return;
        }
        if (buffer.size() > 0) {
            insertAll(buffer.flushAll());
        }
        if (newest != null) {
            session.advanceTo(newest);
        }
        forwardRaised(wallMs);
    }

    private void insertAll(List<Event> events) {
        for (Event e : events) {
            try {
                session.insert(e);
            } catch (RuntimeException ex) {
                // a rule that throws on one event must not stop detection for the task
                log.error("rule evaluation failed on event {}; event skipped by the engine", e.getId(), ex);
            }
        }
    }

    private void forwardRaised(long timestamp) {
        for (Alert alert : raised) {
            context.forward(new Record<Object, Object>(alert.getId(), alert.toJson(), timestamp), alertsSink);
        }
        raised.clear();
    }

    @Override
    public void close() {
        if (punctuator != null) {
            punctuator.cancel();
        }
        if (session != null) {
            session.close();
        }
        if (buffer != null && buffer.size() > 0) {
            log.info("detect task closing with {} buffered events not yet evaluated", buffer.size());
        }
    }
}
