package io.iterdef.streams.collector;

import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over UDP (RFC 5426): one datagram is one message, sent to iterdef.raw as it is (trailing CR, LF and NUL
 * removed) with the format hint {@code syslog}.
 *
 * <p>UDP cannot push back. While Kafka accepts sends nothing is lost here; when it is down, the producer buffers
 * until its delivery timeout and then fails the sends: each failure is counted ({@code kafka-unavailable}) and
 * logged, and the message is gone. When the producer's buffer is full, {@code send} blocks this thread and the
 * kernel's receive buffer overflows: those datagrams are dropped by the OS, unseen and uncounted (see
 * {@code netstat -su}, "receive buffer errors"). Shippers that must not lose events use TCP or HTTP.
 */
public final class UdpSyslogCollector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UdpSyslogCollector.class);
    private static final int MAX_DATAGRAM = 65_535;
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final DatagramSocket socket;
    private final Topics topics;
    private final int maxMessageBytes;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final CollectorMetrics.Endpoint metrics;
    private final AtomicLong failures = new AtomicLong();
    private final Thread receiver;
    private volatile boolean closing;

    private UdpSyslogCollector(String bindAddress, int port, Topics topics, int maxMessageBytes,
            Producer<byte[], byte[]> producer, Clock clock, CollectorMetrics.Endpoint metrics) throws IOException {
        this.socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.bind(new InetSocketAddress(bindAddress, port));
        this.topics = topics;
        this.maxMessageBytes = maxMessageBytes;
        this.producer = producer;
        this.clock = clock;
        this.metrics = metrics;
        this.receiver = new Thread(this::receiveLoop, "syslog-udp");
        receiver.setDaemon(true);
    }

    /** Binds the port and starts receiving. The producer is the caller's (closed after this collector). */
    public static UdpSyslogCollector start(String bindAddress, int port, Topics topics, int maxMessageBytes,
            Producer<byte[], byte[]> producer, Clock clock, CollectorMetrics.Endpoint metrics) throws IOException {
        UdpSyslogCollector c = new UdpSyslogCollector(bindAddress, port, topics, maxMessageBytes, producer, clock,
                metrics);
        c.receiver.start();
        log.info("syslog-udp collector listening on {}:{}", bindAddress, c.port());
        return c;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void receiveLoop() {
        byte[] buf = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        while (!closing) {
            try {
                packet.setLength(buf.length);
                socket.receive(packet);
            } catch (SocketException e) {
                if (!closing) {
                    log.error("syslog-udp receive failed; the endpoint stops", e);
                }
                return;
            } catch (IOException e) {
                log.warn("syslog-udp receive failed: {}", e.toString());
                continue;
            }
            int end = packet.getLength();
            while (end > 0 && (buf[end - 1] == '\n' || buf[end - 1] == '\r' || buf[end - 1] == 0)) {
                end--;
            }
            if (end > 0) {
                handle(Arrays.copyOf(buf, end), packet.getAddress().getHostAddress());
            }
        }
    }

    private void handle(byte[] message, String source) {
        metrics.received(1);
        long now = clock.millis();
        ProducerRecord<byte[], byte[]> record;
        boolean raw = message.length <= maxMessageBytes;
        if (raw) {
            record = RawRecords.raw(topics, source, CollectorSettings.SYSLOG_FORMAT, now, message);
        } else {
            String reason = "datagram of " + message.length + " bytes exceeds the collector limit of "
                    + maxMessageBytes + " bytes (ITERDEF_COLLECTOR_MAX_RECORD_BYTES); value holds its first "
                    + maxMessageBytes + " bytes";
            log.warn("syslog-udp: {} from {}", reason, source);
            metrics.refused("oversized");
            record = RawRecords.dead(topics, source, CollectorSettings.SYSLOG_FORMAT, now,
                    Arrays.copyOf(message, maxMessageBytes), reason);
        }
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    lost(exception);
                } else if (raw) {
                    metrics.accepted(1);
                }
            });
        } catch (RuntimeException e) {
            lost(e);
        }
    }

    private void lost(Exception e) {
        metrics.refused("kafka-unavailable");
        long n = failures.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            log.warn("syslog-udp: Kafka send failed, message lost (UDP cannot push back; {} lost so far): {}", n,
                    e.toString());
        }
    }

    /** Stops receiving; sends already handed to the producer are flushed when the caller closes it. */
    @Override
    public void close() {
        closing = true;
        socket.close();
        try {
            receiver.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("syslog-udp collector closed");
    }
}
