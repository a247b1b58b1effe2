package io.iterdef.streams.detect;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the detect topology, summed over its stream tasks: events evaluated, late events (older than the
 * task's clock when they arrived, so judged by single-event rules only), alerts emitted and alert updates (the same
 * alert again with its suppressed-match count). Rendered in the Prometheus text format next to the collector's
 * counters on GET /metrics, and logged with them every minute.
 */
public final class DetectMetrics {
    private final LongAdder events = new LongAdder();
    private final LongAdder lateEvents = new LongAdder();
    private final LongAdder alerts = new LongAdder();
    private final LongAdder alertUpdates = new LongAdder();
    private final LongAdder rebuiltEvents = new LongAdder();

    void event() {
        events.increment();
    }

    void lateEvent() {
        lateEvents.increment();
    }

    void alert(boolean update) {
        (update ? alertUpdates : alerts).increment();
    }

    void rebuilt(long eventCount) {
        rebuiltEvents.add(eventCount);
    }

    /** Events replayed from the detect state store into new sessions (task start, restart, rebalance). */
    public long rebuiltEvents() {
        return rebuiltEvents.sum();
    }

    public long events() {
        return events.sum();
    }

    public long lateEvents() {
        return lateEvents.sum();
    }

    public long alerts() {
        return alerts.sum();
    }

    public long alertUpdates() {
        return alertUpdates.sum();
    }

    /** Prometheus text exposition format 0.0.4. */
    public String prometheus() {
        return counter("iterdef_detect_events_total", "Events evaluated by the detect topology.", events())
                + counter("iterdef_detect_late_events_total",
                        "Events later than the grace period, evaluated by single-event rules only.", lateEvents())
                + counter("iterdef_detect_rebuilt_events_total",
                        "Events replayed from the detect state store into a new session, alerts muted.", rebuiltEvents())
                + "# HELP iterdef_detect_alerts_total Alerts emitted: new, or an update carrying its suppressed count.\n"
                + "# TYPE iterdef_detect_alerts_total counter\n"
                + "iterdef_detect_alerts_total{kind=\"new\"} " + alerts() + "\n"
                + "iterdef_detect_alerts_total{kind=\"update\"} " + alertUpdates() + "\n";
    }

    /** One line for the log. */
    public String summary() {
        return "detect events=" + events() + " late=" + lateEvents() + " alerts=" + alerts() + " updates="
                + alertUpdates();
    }

    private static String counter(String name, String help, long value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " + value + "\n";
    }
}
