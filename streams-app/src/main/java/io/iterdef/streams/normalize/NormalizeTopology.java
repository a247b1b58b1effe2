package io.iterdef.streams.normalize;

import io.iterdef.kb.decode.Decoders;
import io.iterdef.streams.topic.Topics;
import org.apache.kafka.streams.Topology;

/**
 * iterdef.raw -> decoders -> iterdef.events (key host.name, ECS JSON); what cannot be decoded goes to
 * iterdef.dlq with the original bytes and headers plus the reason. Bytes in, so a bad record never
 * fails a deserializer.
 */
public final class NormalizeTopology {
    static final String SOURCE = "normalize-raw-source";
    static final String PROCESSOR = "normalize";
    static final String EVENTS_SINK = "normalize-events-sink";
    static final String DLQ_SINK = "normalize-dlq-sink";

    private NormalizeTopology() {
    }

    public static Topology build(Decoders decoders, Topics topics) {
        return addTo(new Topology(), decoders, topics);
    }

    /** Adds the normalize sub-topology to {@code topology} (to run it in one instance with others). */
    public static Topology addTo(Topology topology, Decoders decoders, Topics topics) {
        topology.addSource(SOURCE, topics.raw().keySerde().deserializer(), topics.raw().valueSerde().deserializer(),
                topics.raw().name());
        topology.addProcessor(PROCESSOR, () -> new NormalizeProcessor(decoders, EVENTS_SINK, DLQ_SINK), SOURCE);
        topology.addSink(EVENTS_SINK, topics.events().name(), topics.events().keySerde().serializer(),
                topics.events().valueSerde().serializer(), PROCESSOR);
        topology.addSink(DLQ_SINK, topics.dlq().name(), topics.dlq().keySerde().serializer(),
                topics.dlq().valueSerde().serializer(), PROCESSOR);
        return topology;
    }
}
