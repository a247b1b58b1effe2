package io.iterdef.streams.collector;

import io.iterdef.streams.topic.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The records every collector endpoint writes: the shipper's bytes plus the envelope headers of the contract. */
public final class RawRecords {
    private RawRecords() {
    }

    /** A record for iterdef.raw, keyed by the shipper's address. */
    public static ProducerRecord<byte[], byte[]> raw(Topics topics, String source, String formatHint,
            long receivedMillis, byte[] value) {
        return new ProducerRecord<>(topics.raw().name(), null, ascii(source), value,
                headers(source, formatHint, receivedMillis));
    }

    /** A record for iterdef.dlq with the reason in the {@code iterdef.dlq.reason} header. */
    public static ProducerRecord<byte[], byte[]> dead(Topics topics, String source, String formatHint,
            long receivedMillis, byte[] value, String reason) {
        RecordHeaders headers = headers(source, formatHint, receivedMillis);
        headers.add(Topics.HEADER_DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topics.dlq().name(), null, ascii(source), value, headers);
    }

    private static RecordHeaders headers(String source, String formatHint, long receivedMillis) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_RECEIVED, ascii(Long.toString(receivedMillis)));
        headers.add(Topics.HEADER_SOURCE, ascii(source));
        if (formatHint != null) {
            headers.add(Topics.HEADER_FORMAT, ascii(formatHint));
        }
        return headers;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
