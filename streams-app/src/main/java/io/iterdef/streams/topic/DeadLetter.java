package io.iterdef.streams.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Headers of a dead-letter record: the original ones plus {@code iterdef.dlq.reason}. */
public final class DeadLetter {
    static final int MAX_REASON_CHARS = 2000;

    private DeadLetter() {
    }

    public static Headers headers(Headers original, String reason) {
        RecordHeaders headers = new RecordHeaders(original == null ? null : original.toArray());
        headers.remove(Topics.HEADER_DLQ_REASON);
        String text = reason == null || reason.isBlank() ? "unknown" : reason;
        if (text.length() > MAX_REASON_CHARS) {
            text = text.substring(0, MAX_REASON_CHARS) + "...";
        }
        headers.add(Topics.HEADER_DLQ_REASON, text.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** A reason for an unexpected exception: its class and message. */
    public static String reason(String stage, Throwable t) {
        return stage + " failed: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
