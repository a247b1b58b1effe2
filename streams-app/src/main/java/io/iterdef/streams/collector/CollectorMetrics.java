package io.iterdef.streams.collector;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The collector's counters, per endpoint ({@code tcp}, {@code syslog-tcp}, {@code syslog-udp}, {@code http}):
 * records received, records Kafka acknowledged, and refusals by reason. LongAdders, no metrics library: a handful
 * of counters rendered in the Prometheus text format by the HTTP endpoint's GET /metrics and logged every minute.
 *
 * <p>Refusal reasons: {@code oversized} (a stream record over the limit, sent to the DLQ), {@code truncated}
 * (an octet-counted syslog frame cut short, sent to the DLQ), {@code kafka-unavailable} (a send failed or was
 * not acknowledged in time), {@code too-many-connections}, and for HTTP requests {@code unauthorized},
 * {@code oversized-request}, {@code oversized-record}, {@code bad-gzip}, {@code bad-request},
 * {@code unsupported-encoding}, {@code method-not-allowed}, {@code not-found}. Stream endpoints count records;
 * HTTP refusals count requests.
 *
 * <p>Other components of the app add their own counters with {@link #include(Supplier, Supplier)} (the detect
 * topology's late events and alerts), so that one GET /metrics and one log line report the whole app.
 */
public final class CollectorMetrics {
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> refused = new ConcurrentHashMap<>();
    private final List<Section> sections = new CopyOnWriteArrayList<>();

    private record Section(Supplier<String> prometheus, Supplier<String> summary) {
    }

    /**
     * Adds another component's counters: {@code prometheus} (complete metric families in the text format) is
     * appended to {@link #prometheus()}, {@code summary} to {@link #summary()}.
     */
    public void include(Supplier<String> prometheus, Supplier<String> summary) {
        sections.add(new Section(prometheus, summary));
    }

    /** The counters of one endpoint. */
    public Endpoint endpoint(String name) {
        return new Endpoint(name);
    }

    /** Prometheus text exposition format 0.0.4. */
    public String prometheus() {
        StringBuilder out = new StringBuilder();
        family(out, "iterdef_collector_records_received_total", "Records read from shippers.", received);
        family(out, "iterdef_collector_records_accepted_total", "Records Kafka acknowledged on iterdef.raw.",
                accepted);
        family(out, "iterdef_collector_http_requests_total", "HTTP requests received.", requests);
        out.append("# HELP iterdef_collector_refused_total Records (stream endpoints) or requests (http) refused.\n");
        out.append("# TYPE iterdef_collector_refused_total counter\n");
        new TreeMap<>(refused).forEach((endpoint, reasons) -> new TreeMap<>(reasons).forEach((reason, n) ->
                out.append("iterdef_collector_refused_total{endpoint=\"").append(endpoint).append("\",reason=\"")
                        .append(reason).append("\"} ").append(n.sum()).append('\n')));
        sections.forEach(section -> out.append(section.prometheus().get()));
        return out.toString();
    }

    /** One line for the log: {@code http received=10 accepted=10 refused={oversized-record=1}; tcp ...}. */
    public String summary() {
        Map<String, String> parts = new TreeMap<>();
        for (String endpoint : received.keySet()) {
            Map<String, Long> reasons = new TreeMap<>();
            refused.getOrDefault(endpoint, Map.of()).forEach((r, n) -> reasons.put(r, n.sum()));
            parts.put(endpoint, endpoint + " received=" + sum(received, endpoint) + " accepted="
                    + sum(accepted, endpoint) + (reasons.isEmpty() ? "" : " refused=" + reasons));
        }
        String endpoints = parts.isEmpty() ? "no endpoint" : String.join("; ", parts.values());
        StringBuilder out = new StringBuilder(endpoints);
        sections.forEach(section -> out.append("; ").append(section.summary().get()));
        return out.toString();
    }

    private static long sum(Map<String, LongAdder> m, String key) {
        LongAdder a = m.get(key);
        return a == null ? 0 : a.sum();
    }

    private static void family(StringBuilder out, String name, String help, Map<String, LongAdder> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        new TreeMap<>(values).forEach((endpoint, n) ->
                out.append(name).append("{endpoint=\"").append(endpoint).append("\"} ").append(n.sum()).append('\n'));
    }

    /** The counters of one endpoint; cheap to call from any thread. */
    public final class Endpoint {
        private final String name;
        private final LongAdder receivedCount;
        private final LongAdder acceptedCount;

        private Endpoint(String name) {
            this.name = name;
            this.receivedCount = received.computeIfAbsent(name, k -> new LongAdder());
            this.acceptedCount = accepted.computeIfAbsent(name, k -> new LongAdder());
        }

        public String name() {
            return name;
        }

        public void received(long records) {
            receivedCount.add(records);
        }

        public void accepted(long records) {
            acceptedCount.add(records);
        }

        public void request() {
            requests.computeIfAbsent(name, k -> new LongAdder()).increment();
        }

        public void refused(String reason) {
            refused(reason, 1);
        }

        public void refused(String reason, long n) {
            refused.computeIfAbsent(name, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(reason, k -> new LongAdder()).add(n);
        }

        public long receivedCount() {
            return receivedCount.sum();
        }

        public long acceptedCount() {
            return acceptedCount.sum();
        }

        public long refusedCount(String reason) {
            LongAdder a = refused.getOrDefault(name, Map.of()).get(reason);
            return a == null ? 0 : a.sum();
        }
    }
}
