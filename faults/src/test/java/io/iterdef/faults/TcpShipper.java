package io.iterdef.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An om_tcp-like shipper at a steady rate: one connection per batch, lines paced evenly, then a half-close and a wait
 * for the collector to close (it closes after Kafka acknowledged every line of the connection). A batch whose
 * connection fails (refused, reset, a timeout) is sent again after half a second until it goes through, so the
 * collector may see a line twice but never loses one it confirmed.
 */
final class TcpShipper {
    private static final Logger LOG = LoggerFactory.getLogger(TcpShipper.class);

    /** One batch that went through: when its connection ended (System.nanoTime()). */
    record Sent(int batch, long endedNanos) {
    }

    private final int port;
    private final Duration perLine;
    private final AtomicInteger failures = new AtomicInteger();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    TcpShipper(int port, int linesPerSecond) {
        this.port = port;
        this.perLine = Duration.ofNanos(1_000_000_000L / linesPerSecond);
    }

    /** Sends the batches in order on a thread of its own; completes when all went through. */
    CompletableFuture<Void> sendAsync(List<List<String>> batches) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < batches.size(); i++) {
                sendWithRetry(i, batches.get(i));
            }
        });
    }

    void sendWithRetry(int index, List<String> lines) {
        while (true) {
            try {
                send(lines);
                sent.add(new Sent(index, System.nanoTime()));
                return;
            } catch (IOException e) {
                failures.incrementAndGet();
                LOG.info("batch {}: {}; sending it again", index, e.toString());
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private void send(List<String> lines) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(perLine);
            }
            socket.shutdownOutput();
            int b = socket.getInputStream().read();
            if (b != -1) {
                throw new IOException("the collector sent data (" + b + "); expected it to close");
            }
        }
    }

    /** When batch {@code index} last went through (System.nanoTime()), or Long.MAX_VALUE when it has not. */
    long endedAt(int index) {
        return sent.stream().filter(s -> s.batch() == index).mapToLong(Sent::endedNanos).max().orElse(Long.MAX_VALUE);
    }

    /** Connections that failed and were retried. */
    int failures() {
        return failures.get();
    }

    /** The batches whose connection ended at or after {@code nanos} (System.nanoTime()). */
    List<Integer> endedSince(long nanos) {
        return sent.stream().filter(s -> s.endedNanos() >= nanos).map(Sent::batch).toList();
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
