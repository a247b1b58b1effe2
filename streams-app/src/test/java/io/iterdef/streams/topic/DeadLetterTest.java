package io.iterdef.streams.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void shouldKeepOriginalHeadersAndReplaceTheReasonWhenARecordFailsAgain() {
        RecordHeaders original = new RecordHeaders();
        original.add(Topics.HEADER_SOURCE, "10.0.0.1".getBytes(StandardCharsets.US_ASCII));
        original.add(Topics.HEADER_DLQ_REASON, "old".getBytes(StandardCharsets.UTF_8));

        Headers headers = DeadLetter.headers(original, "not JSON");

        assertThat(new String(headers.lastHeader(Topics.HEADER_SOURCE).value(), StandardCharsets.US_ASCII))
                .isEqualTo("10.0.0.1");
        assertThat(headers.headers(Topics.HEADER_DLQ_REASON)).hasSize(1);
        assertThat(new String(headers.lastHeader(Topics.HEADER_DLQ_REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("not JSON");
        assertThat(original.headers(Topics.HEADER_DLQ_REASON)).hasSize(1);
    }

    @Test
    void shouldTruncateTheReasonWhenItIsVeryLong() {
        Headers headers = DeadLetter.headers(new RecordHeaders(), "x".repeat(5000));

        assertThat(headers.lastHeader(Topics.HEADER_DLQ_REASON).value()).hasSize(DeadLetter.MAX_REASON_CHARS + 3);
    }
}
