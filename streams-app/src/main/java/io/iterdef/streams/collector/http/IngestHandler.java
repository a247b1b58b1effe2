package io.iterdef.streams.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.iterdef.streams.collector.CollectorMetrics;
import io.iterdef.streams.collector.RawRecords;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /ingest: NDJSON (or one XML document with an XML content type), optionally gzip-compressed, to iterdef.raw.
 * The answer 200 {@code {"accepted":N}} comes only after Kafka acknowledged every record (the producer has
 * acks=all); if it does not within the send timeout the answer is 503 with Retry-After, and the shipper sends the
 * request again (records that reached Kafka meanwhile arrive twice on iterdef.raw; their event ids are equal, so
 * Elasticsearch keeps one document). A request is checked whole before anything is sent: one oversized record
 * refuses the whole request (413), nothing is truncated.
 */
final class IngestHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(IngestHandler.class);
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private final HttpSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final CollectorMetrics.Endpoint metrics;
    private final BearerToken token;

    IngestHandler(HttpSettings settings, Producer<byte[], byte[]> producer, Clock clock,
            CollectorMetrics.Endpoint metrics) {
        this.settings = settings;
        this.producer = producer;
        this.clock = clock;
        this.metrics = metrics;
        this.token = BearerToken.of(settings.token());
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            metrics.request();
            try {
                int accepted = ingest(ex);
                Responses.accepted(ex, accepted);
            } catch (Refusal r) {
                metrics.refused(r.reason());
                refuse(ex, r);
            }
        } catch (IOException e) {
            log.debug("http: could not answer {}: {}", ex.getRemoteAddress(), e.toString());
        }
    }

    private int ingest(HttpExchange ex) throws Refusal, IOException {
        if (!"/ingest".equals(ex.getRequestURI().getPath())) {
            throw new Refusal(404, "not-found", "POST records to /ingest");
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            throw new Refusal(405, "method-not-allowed", "POST records to /ingest");
        }
        if (!token.allows(ex.getRequestHeaders().getFirst("Authorization"))) {
            throw new Refusal(401, "unauthorized", "send Authorization: Bearer <token> (ITERDEF_COLLECTOR_TOKEN)");
        }
        String format = formatHint(ex);
        boolean gzip = gzip(ex.getRequestHeaders().getFirst("Content-Encoding"));
        List<byte[]> records = records(ex, gzip);
        if (records.isEmpty()) {
            return 0;
        }
        metrics.received(records.size());
        send(records, ex.getRemoteAddress().getAddress().getHostAddress(), format);
        metrics.accepted(records.size());
        return records.size();
    }

    private String formatHint(HttpExchange ex) throws Refusal {
        String hint = ex.getRequestHeaders().getFirst("X-Iterdef-Format");
        String query = ex.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("format=")) {
                    hint = URLDecoder.decode(pair.substring("format=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        if (hint == null || hint.isBlank()) {
            return settings.defaultFormatHint();
        }
        hint = hint.trim().toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(hint).matches()) {
            throw new Refusal(400, "bad-request", "format hint must match " + FORMAT.pattern());
        }
        return hint;
    }

    private static boolean gzip(String encoding) throws Refusal {
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (encoding.trim().equalsIgnoreCase("gzip") || encoding.trim().equalsIgnoreCase("x-gzip")) {
            return true;
        }
        throw new Refusal(415, "unsupported-encoding", "Content-Encoding " + encoding + " is not supported; "
                + "send gzip or no encoding");
    }

    private List<byte[]> records(HttpExchange ex, boolean gzip) throws Refusal, IOException {
        int max = settings.maxRequestBytes();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (declared != null && Long.parseLong(declared.trim()) > max) {
                throw new RequestBody.TooLargeException("request body of " + declared.trim() + " bytes exceeds "
                        + max + " bytes");
            }
            byte[] body = RequestBody.read(ex.getRequestBody(), gzip, max);
            return isXml(ex.getRequestHeaders().getFirst("Content-Type"))
                    ? RequestRecords.xml(body, settings.maxRecordBytes())
                    : RequestRecords.ndjson(body, settings.maxRecordBytes());
        } catch (NumberFormatException e) {
            throw new Refusal(400, "bad-request", "bad Content-Length " + declared);
        } catch (RequestBody.TooLargeException e) {
            RequestBody.drain(ex.getRequestBody(), max);
            throw new Refusal(413, "oversized-request", e.getMessage()
                    + " (ITERDEF_COLLECTOR_MAX_REQUEST_BYTES); split it into smaller requests");
        } catch (RequestBody.BadGzipException e) {
            RequestBody.drain(ex.getRequestBody(), max);
            throw new Refusal(400, "bad-gzip", e.getMessage());
        } catch (RequestRecords.OversizedRecordException e) {
            throw new Refusal(413, "oversized-record", e.getMessage());
        }
    }

    private static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/xml") || type.equals("text/xml");
    }

    /**
     * Sends every record, then waits for all acknowledgements within one deadline. While Kafka is away, send() itself
     * blocks for max.block.ms (no metadata) and returns a failed future: stop at the first such send, and at the
     * deadline, so that a request of n records is refused after the send timeout, not after n times it.
     */
    private void send(List<byte[]> records, String source, String format) throws Refusal {
        long received = clock.millis();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (byte[] record : records) {
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException();
                }
                Future<RecordMetadata> ack = producer.send(RawRecords.raw(settings.topics(), source, format, received,
                        record));
                if (ack.isDone()) {
                    ack.get(); // failed at once (nothing queued): throws here instead of trying the rest
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            throw unavailable("Kafka did not acknowledge the records within " + settings.sendTimeout().toMillis()
                    + " ms");
        } catch (ExecutionException e) {
            throw unavailable("Kafka refused the records: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the collector is stopping");
        } catch (RuntimeException e) { // send() itself: buffer full for max.block.ms, producer closed, ...
            throw unavailable("Kafka is not accepting records: " + e);
        }
    }

    private Refusal unavailable(String message) {
        log.warn("http: 503 {}", message);
        return new Refusal(503, "kafka-unavailable", message + "; nothing of this request may be considered "
                + "stored: send it again");
    }

    private void refuse(HttpExchange ex, Refusal r) throws IOException {
        switch (r.status()) {
            case 405 -> ex.getResponseHeaders().set("Allow", "POST");
            case 401 -> ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"iterdef\"");
            case 503 -> ex.getResponseHeaders().set("Retry-After", Integer.toString(HttpSettings.RETRY_AFTER_SECONDS));
            default -> {
            }
        }
        Responses.error(ex, r.status(), r.reason(), r.getMessage());
    }
}
