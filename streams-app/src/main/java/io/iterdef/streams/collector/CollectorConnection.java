package io.iterdef.streams.collector;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shipper connection: frames records (JSON lines or syslog messages) and sends each to iterdef.raw.
 * TCP has no application acknowledgement, so "nothing is acknowledged before Kafka has it" means: the number of sends not yet
 * confirmed by Kafka is bounded (we stop reading, TCP back-pressure stalls the shipper, which queues), and while
 * Kafka takes no records at all (no metadata, full buffer: {@code send} times out without queueing anything) we
 * retry that send and do not read either;
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
    private final CollectorMetrics.Endpoint metrics;
    private final Semaphore inFlight;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final String source;
    private volatile boolean stopping;
    private long lines;

    CollectorConnection(Socket socket, Producer<byte[], byte[]> producer, CollectorSettings settings, Clock clock,
            CollectorMetrics.Endpoint metrics) {
        this.socket = socket;
        this.producer = producer;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.inFlight = new Semaphore(settings.maxInFlightPerConnection());
        this.source = socket.getInetAddress() == null ? "unknown" : socket.getInetAddress().getHostAddress();
    }

    @Override
    public void run() {
        log.info("{} connection from {}:{}", settings.name(), source, socket.getPort());
        try (socket; InputStream in = socket.getInputStream()) {
            settings.framing().newFramer(settings.maxLineBytes()).readAll(in, new Framer.Sink() {
                @Override
                public void line(byte[] line) throws IOException {
                    send(line, null, null);
                }

                @Override
                public void oversize(byte[] prefix, long totalBytes) throws IOException {
                    send(prefix, "oversized", "record of " + totalBytes + " bytes exceeds the collector limit of "
                            + settings.maxLineBytes() + " bytes (ITERDEF_COLLECTOR_MAX_RECORD_BYTES); value holds its "
                            + "first " + prefix.length + " bytes");
                }

                @Override
                public void truncated(byte[] partial, long expectedBytes) throws IOException {
                    send(partial, "truncated", "octet-counted frame announced " + expectedBytes
                            + " bytes but the connection ended after " + partial.length);
                }
            });
            drain();
            log.info("{} connection from {} closed after {} records", settings.name(), source, lines);
        } catch (IOException e) {
            Exception failure = sendFailure.get();
            if (failure != null) {
                log.warn("closed {} connection from {} after {} records: Kafka send failed ({}); the shipper "
                        + "must reconnect and resend", settings.name(), source, lines, failure.toString());
            } else {
                log.warn("{} connection from {} ended after {} records: {}", settings.name(), source, lines,
                        e.toString());
                drainQuietly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} connection from {} interrupted", settings.name(), source);
        }
    }

    private void send(byte[] value, String refusal, String dlqReason) throws IOException {
        metrics.received(1);
        checkFailure();
        try {
            while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                checkFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        boolean toRaw = dlqReason == null;
        ProducerRecord<byte[], byte[]> record;
        if (toRaw) {
            record = RawRecords.raw(settings.topics(), source, settings.formatHint(), clock.millis(), value);
        } else {
            record = RawRecords.dead(settings.topics(), source, settings.formatHint(), clock.millis(), value,
                    dlqReason);
            log.warn("{}: {} from {} -> {}", settings.name(), dlqReason, source, record.topic());
            metrics.refused(refusal);
        }
        lines++;
        boolean stalled = false;
        Thread caller = Thread.currentThread();
        while (true) {
            // Nothing queued (no metadata, or the buffer stayed full for max.block.ms): the producer throws, or, for
            // an ApiException, calls the callback on this thread before send returns. Either way: retry, don't read.
            org.apache.kafka.common.errors.TimeoutException[] notQueued = {null};
            try {
                producer.send(record, (metadata, exception) -> {
                    if (exception instanceof org.apache.kafka.common.errors.TimeoutException t
                            && Thread.currentThread() == caller) {
                        notQueued[0] = t;
                        return;
                    }
                    completed(exception, toRaw);
                });
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                notQueued[0] = e;
            } catch (RuntimeException e) {
                fail(e);
            }
            if (notQueued[0] == null) {
                if (stalled) {
                    log.info("{}: Kafka takes records again; reading from {} again", settings.name(), source);
                }
                return;
            }
            if (!stalled) {
                log.warn("{}: Kafka is not taking records ({}); not reading from {} until it does",
                        settings.name(), notQueued[0].getMessage(), source);
                stalled = true;
            }
            if (stopping) {
                fail(notQueued[0]);
            }
            pause();
        }
    }

    private void completed(Exception exception, boolean toRaw) {
        if (exception == null) {
            if (toRaw) {
                metrics.accepted(1);
            }
        } else {
            metrics.refused("kafka-unavailable");
            if (sendFailure.compareAndSet(null, exception)) {
                closeNow(); // the shipper sees the connection drop now, not at its next line
            }
        }
        inFlight.release();
    }

    private void pause() throws IOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inFlight.release();
            throw new IOException("interrupted", e);
        }
    }

    private void fail(RuntimeException e) throws SendFailedException {
        inFlight.release();
        metrics.refused("kafka-unavailable");
        sendFailure.compareAndSet(null, e);
        throw new SendFailedException(e);
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
            log.warn("{} connection from {}: Kafka send failed ({})", settings.name(), source, e.getMessage());
        }
    }

    void closeInput() {
        stopping = true;
        try {
            socket.shutdownInput();
        } catch (IOException | UnsupportedOperationException e) { // an SSLSocket may not support half-close
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

    static final class SendFailedException extends IOException {
        SendFailedException(Exception cause) {
            super(cause.toString(), cause);
        }
    }
}
