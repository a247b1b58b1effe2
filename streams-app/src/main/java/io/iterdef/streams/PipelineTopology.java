package io.iterdef.streams;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.streams.detect.DetectMetrics;
import io.iterdef.streams.detect.DetectTopology;
import io.iterdef.streams.normalize.NormalizeTopology;
import io.iterdef.streams.rules.ActiveRules;
import io.iterdef.streams.topic.Topics;
import java.time.Duration;
import org.apache.kafka.streams.Topology;

/** Normalize and detect as two sub-topologies of one topology (one Kafka Streams instance runs both). */
public final class PipelineTopology {
    private PipelineTopology() {
    }

    public static Topology build(Decoders decoders, RuleSet rules, Duration grace, Duration punctuateInterval,
            Topics topics, DetectMetrics detectMetrics) {
        return build(decoders, ActiveRules.fixed("test", rules), grace, punctuateInterval, topics, detectMetrics);
    }

    /** With the instance's {@link ActiveRules}: detect tasks swap in a newly published rule set. */
    public static Topology build(Decoders decoders, ActiveRules rules, Duration grace, Duration punctuateInterval,
            Topics topics, DetectMetrics detectMetrics) {
        Topology topology = new Topology();
        NormalizeTopology.addTo(topology, decoders, topics);
        DetectTopology.addTo(topology, rules, grace, punctuateInterval, topics, detectMetrics);
        return topology;
    }
}
