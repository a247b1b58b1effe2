package io.iterdef.streams.collector;

import io.iterdef.streams.config.CollectorConfig;
import io.iterdef.streams.topic.Topics;

/**
 * One TCP endpoint: its name (for logs and metrics), where it listens, how it frames, its limits and where it
 * sends; port 0 picks a free port (tests).
 */
public record CollectorSettings(String name, String bindAddress, int port, Topics topics, String formatHint,
        Framing framing, int maxLineBytes, int maxConnections, int maxInFlightPerConnection) {

    public static final int DEFAULT_MAX_LINE_BYTES = CollectorConfig.DEFAULT_MAX_RECORD_BYTES;
    public static final String SYSLOG_FORMAT = "syslog";

    /** How an endpoint cuts its stream into records. */
    public enum Framing {
        /** One JSON object per line (NXLog om_tcp with to_json). */
        LINES,
        /** RFC 6587 octet counting or newline framing, per message. */
        SYSLOG;

        Framer newFramer(int maxBytes) {
            return this == LINES ? new LineFramer(maxBytes) : new SyslogFramer(maxBytes);
        }
    }

    /** The JSON-lines endpoint with the default limits. */
    public static CollectorSettings of(String bindAddress, int port, Topics topics, String formatHint) {
        return lines(bindAddress, port, topics, formatHint, DEFAULT_MAX_LINE_BYTES);
    }

    public static CollectorSettings lines(String bindAddress, int port, Topics topics, String formatHint,
            int maxLineBytes) {
        return new CollectorSettings("tcp", bindAddress, port, topics, formatHint, Framing.LINES, maxLineBytes, 64,
                1000);
    }

    /** Syslog over TCP: every message carries the format hint {@code syslog}. */
    public static CollectorSettings syslog(String bindAddress, int port, Topics topics, int maxMessageBytes) {
        return new CollectorSettings("syslog-tcp", bindAddress, port, topics, SYSLOG_FORMAT, Framing.SYSLOG,
                maxMessageBytes, 64, 1000);
    }
}
