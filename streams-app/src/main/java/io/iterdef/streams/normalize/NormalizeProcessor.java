package io.iterdef.streams.normalize;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.agent.AgentResultDecoder;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.topic.DeadLetter;
import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes one raw record; forwards its events or one dead letter. Never throws on input. */
final class NormalizeProcessor implements Processor<byte[], byte[], Object, Object> {
    private static final Logger log = LoggerFactory.getLogger(NormalizeProcessor.class);

    private final Decoders decoders;
    private final String eventsSink;
    private final String dlqSink;
    private ProcessorContext<Object, Object> context;

    NormalizeProcessor(Decoders decoders, String eventsSink, String dlqSink) {
        this.decoders = decoders;
        this.eventsSink = eventsSink;
        this.dlqSink = dlqSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        List<Event> events;
        try {
            events = decoders.decode(record.value(), formatHint(record));
            if (events.isEmpty()) {
                deadLetter(record, "no event decoded from the record");
                return;
            }
        } catch (DecodeException e) {
            deadLetter(record, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("decoder failed on a record of {}", context.recordMetadata().map(m -> m.topic() + "-"
                    + m.partition() + "@" + m.offset()).orElse("?"), e);
            deadLetter(record, DeadLetter.reason("decode", e));
            return;
        }
        if (!trustedAgentProvenance(record, events)) {
            deadLetter(record, "agent-result records are only accepted from the agent server (header "
                    + Topics.HEADER_SOURCE + " = agent:<agent id>), not from a shipper");
            return;
        }
        for (Event event : events) {
            context.forward(new Record<Object, Object>(event.getHostName(), event.toJson(), record.timestamp(),
                    record.headers()), eventsSink);
        }
    }

    /**
     * Agent events (what an agent-result record decodes to) only from the agent server, which publishes them with
     * {@code iterdef.source = agent:<id>}: a shipper sending such a record through a collector (whose source is its
     * address) would forge the evidence that rules act on.
     */
    static boolean trustedAgentProvenance(Record<byte[], byte[]> record, List<Event> events) {
        boolean agentEvents = events.stream().anyMatch(e -> AgentResultDecoder.MODULE.equals(e.fieldString("agent.type")));
        if (!agentEvents) {
            return true;
        }
        Header source = record.headers().lastHeader(Topics.HEADER_SOURCE);
        return source != null && source.value() != null
                && new String(source.value(), StandardCharsets.UTF_8).startsWith("agent:");
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason) {
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(),
                DeadLetter.headers(record.headers(), reason)), dlqSink);
    }

    private static String formatHint(Record<byte[], byte[]> record) {
        Header h = record.headers().lastHeader(Topics.HEADER_FORMAT);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
