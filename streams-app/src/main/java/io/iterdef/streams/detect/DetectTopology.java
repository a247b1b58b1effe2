package io.iterdef.streams.detect;

import io.iterdef.kb.engine.RuleSet;
import io.iterdef.streams.rules.ActiveRules;
import io.iterdef.streams.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * iterdef.events -> one Drools session per stream task (events partitioned by host.name, so per-host
 * correlation stays in one task) -> iterdef.alerts keyed by alert id. Events pass a reorder buffer
 * ({@code grace} of event time); a wall-clock punctuator every {@code punctuateInterval} flushes it once
 * input has gone quiet. An event later than the grace period is evaluated by single-event rules only and
 * counted in {@link DetectMetrics}. An alert is sent when raised and, if its rule suppressed further
 * matches meanwhile, once more under the same key when its suppression window closes (with the count).
 * Task requests of rules ({@code response.collect}) go to iterdef.tasks, keyed by host name, each with its
 * deterministic request id. An event value that does not parse goes to iterdef.dlq. The processor keeps its recent events and clock in a
 * changelogged store ({@link DetectState}) and rebuilds its session from it when its task starts.
 */
public final class DetectTopology {
    static final String SOURCE = "detect-events-source";
    static final String PROCESSOR = "detect";
    static final String ALERTS_SINK = "detect-alerts-sink";
    static final String DLQ_SINK = "detect-dlq-sink";
    static final String TASKS_SINK = "detect-tasks-sink";

    private DetectTopology() {
    }

    public static Topology build(RuleSet ruleSet, Duration grace, Duration punctuateInterval, Topics topics,
            DetectMetrics metrics) {
        return build(ActiveRules.fixed("test", ruleSet), grace, punctuateInterval, topics, metrics);
    }

    public static Topology build(ActiveRules rules, Duration grace, Duration punctuateInterval, Topics topics,
            DetectMetrics metrics) {
        return addTo(new Topology(), rules, grace, punctuateInterval, topics, metrics);
    }

    /** Adds the detect sub-topology to {@code topology}; its tasks count into {@code metrics}. */
    public static Topology addTo(Topology topology, ActiveRules rules, Duration grace, Duration punctuateInterval,
            Topics topics, DetectMetrics metrics) {
        // keys as bytes too: a key that is not UTF-8 must not fail the source
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), topics.events().valueSerde().deserializer(),
                topics.events().name());
        topology.addProcessor(PROCESSOR,
                () -> new DetectProcessor(rules, grace, punctuateInterval, new DetectProcessor.Sinks(ALERTS_SINK,
                        DLQ_SINK, TASKS_SINK), metrics), SOURCE);
        topology.addStateStore(DetectState.storeBuilder(), PROCESSOR);
        topology.addSink(ALERTS_SINK, topics.alerts().name(), topics.alerts().keySerde().serializer(),
                topics.alerts().valueSerde().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, topics.dlq().name(), topics.dlq().keySerde().serializer(),
                topics.dlq().valueSerde().serializer(), PROCESSOR);
        topology.addSink(TASKS_SINK, topics.tasks().name(), topics.tasks().keySerde().serializer(),
                topics.tasks().valueSerde().serializer(), PROCESSOR);
        return topology;
    }
}
