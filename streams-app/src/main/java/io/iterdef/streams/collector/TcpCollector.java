package io.iterdef.streams.collector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP JSON-lines endpoint (NXLog om_tcp + to_json) that writes every line to iterdef.raw.
 *
 * <p>A hand-written blocking socket loop with one platform thread per connection is enough here: shippers
 * hold few long-lived connections (NXLog keeps one per output), the connection count is capped, and
 * blocking reads give back-pressure for free: while a connection has too many unconfirmed Kafka sends
 * we stop reading, the TCP window fills, and the shipper queues on its side. Netty would add an event
 * loop and buffer management without changing any of that; it is not on the classpath.
 *
 * <p>The producer is owned by the caller (closed after this collector).
 */
public final class TcpCollector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TcpCollector.class);

    private final CollectorSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<CollectorConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private TcpCollector(CollectorSettings settings, Producer<byte[], byte[]> producer, Clock clock)
            throws IOException {
        this.settings = settings;
        this.producer = producer;
        this.clock = clock;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 128);
        AtomicInteger ids = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, settings.maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "collector-conn-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::acceptLoop, "collector-accept");
        acceptor.setDaemon(true);
    }

    /** Binds the port and starts accepting connections. */
    public static TcpCollector start(CollectorSettings settings, Producer<byte[], byte[]> producer, Clock clock)
            throws IOException {
        TcpCollector collector = new TcpCollector(settings, producer, clock);
        collector.acceptor.start();
        log.info("collector listening on :{}", collector.port());
        return collector;
    }

    /** The bound port (the real one when configured with 0). */
    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.error("collector accept failed", e);
                }
                return;
            }
            try {
                socket.setKeepAlive(true);
                CollectorConnection connection = new CollectorConnection(socket, producer, settings, clock);
                open.add(connection);
                connections.execute(() -> {
                    try {
                        connection.run();
                    } finally {
                        open.remove(connection);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.warn("collector refuses connection from {}: {} connections already open",
                        socket.getRemoteSocketAddress(), settings.maxConnections());
                closeQuietly(socket);
            } catch (IOException e) {
                log.warn("collector connection setup failed", e);
                closeQuietly(socket);
            }
        }
    }

    /**
     * Stops accepting, ends every connection's input (each then waits for its Kafka sends before it
     * closes), and waits for them. Connections still busy after the timeout are closed hard.
     */
    @Override
    public void close() {
        closing = true;
        closeQuietly(server);
        open.forEach(CollectorConnection::closeInput);
        connections.shutdown();
        try {
            if (!connections.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("collector connections still busy after 30 s; closing them");
                open.forEach(CollectorConnection::closeNow);
                connections.shutdownNow();
            }
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("collector closed");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("close failed", e);
        }
    }
}
