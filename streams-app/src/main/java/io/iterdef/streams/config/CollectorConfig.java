package io.iterdef.streams.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The collector endpoints beyond the TCP JSON-lines port: HTTP ingest, syslog, limits, the bearer token and TLS.
 * A port of 0 picks a free port (tests), -1 switches the endpoint off. {@link #toString()} never prints the token
 * or the key store password.
 *
 * @param httpPort HTTP(S) POST /ingest and GET /metrics ({@code ITERDEF_COLLECTOR_HTTP_PORT})
 * @param syslogPort syslog over TCP and UDP, the same number for both ({@code ITERDEF_COLLECTOR_SYSLOG_PORT})
 * @param maxRecordBytes the largest record (line, syslog message, XML document) accepted
 * @param maxRequestBytes the largest HTTP body, counted after decompression too
 * @param sendTimeout how long an HTTP request waits for Kafka's acknowledgement before it answers 503
 * @param httpThreads threads handling HTTP requests (each holds at most one body in memory)
 * @param token when set, HTTP requests need {@code Authorization: Bearer <token>}
 * @param tlsKeystore PKCS12 key store; when set, the TCP endpoints and HTTP speak TLS
 * @param tlsKeystorePassword its password
 */
public record CollectorConfig(int httpPort, int syslogPort, int maxRecordBytes, int maxRequestBytes,
        Duration sendTimeout, int httpThreads, String token, Path tlsKeystore, String tlsKeystorePassword) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 1_000_000; // below the broker default message.max.bytes
    public static final int DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    public CollectorConfig {
        checkPort("ITERDEF_COLLECTOR_HTTP_PORT", httpPort);
        checkPort("ITERDEF_COLLECTOR_SYSLOG_PORT", syslogPort);
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("ITERDEF_COLLECTOR_MAX_RECORD_BYTES must be >= 1: " + maxRecordBytes);
        }
        if (maxRequestBytes < maxRecordBytes) {
            throw new IllegalArgumentException("ITERDEF_COLLECTOR_MAX_REQUEST_BYTES (" + maxRequestBytes
                    + ") must be >= ITERDEF_COLLECTOR_MAX_RECORD_BYTES (" + maxRecordBytes + ")");
        }
        if (sendTimeout.isNegative() || sendTimeout.isZero()) {
            throw new IllegalArgumentException("ITERDEF_COLLECTOR_SEND_TIMEOUT_MS must be > 0: " + sendTimeout);
        }
        if (httpThreads < 1) {
            throw new IllegalArgumentException("ITERDEF_COLLECTOR_HTTP_THREADS must be >= 1: " + httpThreads);
        }
        if (tlsKeystore != null && tlsKeystorePassword == null) {
            throw new IllegalArgumentException(
                    "ITERDEF_COLLECTOR_TLS_KEYSTORE_PASSWORD is required with ITERDEF_COLLECTOR_TLS_KEYSTORE");
        }
    }

    static CollectorConfig fromMap(Map<String, String> env) {
        Env e = new Env(env);
        String keystore = e.get("ITERDEF_COLLECTOR_TLS_KEYSTORE", null);
        return new CollectorConfig(
                e.getInt("ITERDEF_COLLECTOR_HTTP_PORT", 8088),
                e.getInt("ITERDEF_COLLECTOR_SYSLOG_PORT", 5514),
                e.getInt("ITERDEF_COLLECTOR_MAX_RECORD_BYTES", DEFAULT_MAX_RECORD_BYTES),
                e.getInt("ITERDEF_COLLECTOR_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES),
                Duration.ofMillis(e.getInt("ITERDEF_COLLECTOR_SEND_TIMEOUT_MS", 10_000)),
                e.getInt("ITERDEF_COLLECTOR_HTTP_THREADS", 16),
                e.get("ITERDEF_COLLECTOR_TOKEN", null),
                keystore == null ? null : Path.of(keystore),
                // a password is not trimmed: read it raw, but a blank one still counts as unset
                blankToNull(env.get("ITERDEF_COLLECTOR_TLS_KEYSTORE_PASSWORD")));
    }

    public boolean tls() {
        return tlsKeystore != null;
    }

    public boolean httpEnabled() {
        return httpPort >= 0;
    }

    public boolean syslogEnabled() {
        return syslogPort >= 0;
    }

    /** A copy with other ports (tests: 0 for free ports). */
    public CollectorConfig withPorts(int http, int syslog) {
        return new CollectorConfig(http, syslog, maxRecordBytes, maxRequestBytes, sendTimeout, httpThreads, token,
                tlsKeystore, tlsKeystorePassword);
    }

    private static void checkPort(String name, int port) {
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException(name + " out of range (-1 switches it off): " + port);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "CollectorConfig[httpPort=" + httpPort + ", syslogPort=" + syslogPort + ", maxRecordBytes="
                + maxRecordBytes + ", maxRequestBytes=" + maxRequestBytes + ", sendTimeout=" + sendTimeout
                + ", httpThreads=" + httpThreads + ", token=" + (token == null ? "none" : "***") + ", tlsKeystore="
                + tlsKeystore + "]";
    }
}
