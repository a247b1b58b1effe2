package io.iterdef.streams.collector;

import io.iterdef.streams.topic.Topics;

/** Collector limits and where it sends; bind address and port 0 picks a free port (tests). */
public record CollectorSettings(String bindAddress, int port, Topics topics, String formatHint, int maxLineBytes,
        int maxConnections, int maxInFlightPerConnection) {

    public static final int DEFAULT_MAX_LINE_BYTES = 1_000_000; // below the broker default message.max.bytes (1048588)

    public static CollectorSettings of(String bindAddress, int port, Topics topics, String formatHint) {
        return new CollectorSettings(bindAddress, port, topics, formatHint, DEFAULT_MAX_LINE_BYTES, 64, 1000);
    }
}
