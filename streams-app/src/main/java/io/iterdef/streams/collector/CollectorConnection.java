package io.iterdef.streams.collector;

import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shipper connection: frames lines and sends each to iterdef.raw. TCP has no application
 * acknowledgement, so "nothing is acknowledged before Kafka has it" means: the number of sends not yet
 * confirmed by Kafka is bounded (we stop reading, TCP back-pressure stalls the shipper, which queues);
 * a failed send closes the connection, so the shipper sees the error and reconnects (NXLog om_tcp
 * reconnects and resends what it has not written); at end of stream we wait for every send before closing.
 */
final class CollectorConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CollectorConnection.class);
    private static final long DRAIN_TIMEOUT_MS = 180_000;

    private final Socket socket;
    private final Producer<byte[], byte[]> producer;
    private final CollectorSettings settings;
    private final Clock clock;
    private final Semaphore inFlight;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final String source;
    private long lines;

    CollectorConnection(Socket socket, Producer<byte[], byte[]> producer, CollectorSettings settings, Clock clock) {
        this.socket = socket;
        this.producer = producer;
        this.settings = settings;
        this.clock = clock;
        this.inFlight = new Semaphore(settings.maxInFlightPerConnection());
        this.source = socket.getInetAddress() == null ? "unknown" : socket.getInetAddress().getHostAddress();
    }

    @Override
    public void run() {
        log.info("collector connection from {}:{}", source, socket.getPort());
        try (socket; InputStream in = socket.getInputStream()) {
            new LineFramer(settings.maxLineBytes()).readAll(in, new LineFramer.Sink() {
                @Override
                public void line(byte[] line) throws IOException {
                    send(line, null);
                }

                @Override
                public void oversize(byte[] prefix, long totalBytes) throws IOException {
                    send(prefix, "line of " + totalBytes + " bytes exceeds the collector limit of "
                            + settings.maxLineBytes() + " bytes; value holds its first " + prefix.length + " bytes");
                }
            });
            drain();
            log.info("collector connection from {} closed after {} lines", source, lines);
        } catch (IOException e) {
            Exception failure = sendFailure.get();
            if (failure != null) {
                log.warn("closed collector connection from {} after {} lines: Kafka send failed ({}); the shipper "
                        + "must reconnect and resend", source, lines, failure.toString());
            } else {
                log.warn("collector connection from {} ended after {} lines: {}", source, lines, e.toString());
                drainQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("collector connection from {} interrupted", source);
        }
    }

    private void send(byte[] value, String dlqReason) throws IOException {
        checkFailure();
        try {
            while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                checkFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_RECEIVED, ascii(Long.toString(clock.millis())));
        headers.add(Topics.HEADER_SOURCE, ascii(source));
        if (settings.formatHint() != null) {
            headers.add(Topics.HEADER_FORMAT, ascii(settings.formatHint()));
        }
        String topic = settings.topics().raw().name();
        if (dlqReason != null) {
            headers.add(Topics.HEADER_DLQ_REASON, dlqReason.getBytes(StandardCharsets.UTF_8));
            topic = settings.topics().dlq().name();
            log.warn("collector: {} from {} -> {}", dlqReason, source, topic);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, ascii(source), value, headers);
        lines++;
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception != null && sendFailure.compareAndSet(null, exception)) {
                    closeNow(); // the shipper sees the connection drop now, not at its next line
                }
                inFlight.release();
            });
        } catch (RuntimeException e) {
            inFlight.release();
            sendFailure.compareAndSet(null, e);
            throw new SendFailedException(e);
        }
    }

    private void checkFailure() throws SendFailedException {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new SendFailedException(failure);
        }
    }

    /** Waits until Kafka has confirmed (or failed) every send of this connection. */
    private void drain() throws InterruptedException, SendFailedException {
        int permits = settings.maxInFlightPerConnection();
        if (inFlight.tryAcquire(permits, DRAIN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            inFlight.release(permits);
        } else {
            sendFailure.compareAndSet(null, new IllegalStateException(
                    "sends not confirmed within " + DRAIN_TIMEOUT_MS + " ms"));
        }
        checkFailure();
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SendFailedException e) {
            log.warn("collector connection from {}: Kafka send failed ({})", source, e.getMessage());
        }
    }

    void closeInput() {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            log.debug("shutdownInput failed", e);
        }
    }

    void closeNow() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close failed", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static final class SendFailedException extends IOException {
        SendFailedException(Exception cause) {
            super(cause.toString(), cause);
        }
    }
}
