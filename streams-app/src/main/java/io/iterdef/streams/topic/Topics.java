package io.iterdef.streams.topic;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of the app's topics: names, key and value serdes (contract "Topics (Kafka)").
 * Values stay bytes everywhere: the processors decode them themselves, so a record that does not decode
 * goes to the dead-letter topic instead of failing a deserializer. Keys of events and alerts are UTF-8
 * strings (host.name, alert id). A prefix (empty in production) lets tests use their own topics.
 */
public final class Topics {
    public static final String RAW = "iterdef.raw";
    public static final String EVENTS = "iterdef.events";
    public static final String DLQ = "iterdef.dlq";
    public static final String ALERTS = "iterdef.alerts";
    public static final String TASKS = "iterdef.tasks";
    public static final String RULES = "iterdef.rules";
    public static final String RULES_STATUS = "iterdef.rules.status";

    /** Header names on iterdef.raw and iterdef.dlq. */
    public static final String HEADER_RECEIVED = "iterdef.received";
    public static final String HEADER_SOURCE = "iterdef.source";
    public static final String HEADER_FORMAT = "iterdef.format";
    public static final String HEADER_DLQ_REASON = "iterdef.dlq.reason";

    private final String prefix;
    private final Topic<byte[], byte[]> raw;
    private final Topic<String, byte[]> events;
    private final Topic<byte[], byte[]> dlq;
    private final Topic<String, byte[]> alerts;
    private final Topic<String, byte[]> tasks;

    private Topics(String prefix) {
        this.prefix = prefix;
        this.raw = new Topic<>(prefix + RAW, Serdes.ByteArray(), Serdes.ByteArray());
        this.events = new Topic<>(prefix + EVENTS, Serdes.String(), Serdes.ByteArray());
        this.dlq = new Topic<>(prefix + DLQ, Serdes.ByteArray(), Serdes.ByteArray());
        this.alerts = new Topic<>(prefix + ALERTS, Serdes.String(), Serdes.ByteArray());
        this.tasks = new Topic<>(prefix + TASKS, Serdes.String(), Serdes.ByteArray());
    }

    public static Topics defaults() {
        return new Topics("");
    }

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix == null ? "" : prefix);
    }

    public Topic<byte[], byte[]> raw() {
        return raw;
    }

    public Topic<String, byte[]> events() {
        return events;
    }

    public Topic<byte[], byte[]> dlq() {
        return dlq;
    }

    public Topic<String, byte[]> alerts() {
        return alerts;
    }

    /** Task requests of rules ({@code response.collect}): key host name, value the request JSON. */
    public Topic<String, byte[]> tasks() {
        return tasks;
    }

    public String tasksName() {
        return tasks.name();
    }

    public String rulesName() {
        return prefix + RULES;
    }

    /** What each instance runs: key instance id, value its rule set version (compacted). */
    public String rulesStatusName() {
        return prefix + RULES_STATUS;
    }

    /** Every topic this app creates at start, with the rules topics compacted. */
    List<String> allNames() {
        return List.of(raw.name(), events.name(), dlq.name(), alerts.name(), tasksName(), rulesName(),
                rulesStatusName());
    }

    /** The rule set and status topics: compacted, one partition. */
    public List<String> rulesNames() {
        return List.of(rulesName(), rulesStatusName());
    }

    boolean isCompacted(String name) {
        return rulesNames().contains(name);
    }
}
