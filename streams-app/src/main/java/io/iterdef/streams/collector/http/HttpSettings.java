package io.iterdef.streams.collector.http;

import io.iterdef.streams.topic.Topics;
import java.time.Duration;

/**
 * The HTTP endpoint: where it listens (port 0 picks a free port), where it sends, the format hint used when a
 * request names none, the limits, how long a request waits for Kafka, and the bearer token (null: no auth).
 */
public record HttpSettings(String bindAddress, int port, Topics topics, String defaultFormatHint,
        int maxRecordBytes, int maxRequestBytes, Duration sendTimeout, int threads, String token) {

    /** Seconds a client is told to wait after a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;
}
