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
import javax.net.ServerSocketFactory;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP endpoint that writes every record to iterdef.raw: JSON lines (NXLog om_tcp + to_json, :5140) or syslog
 * (RFC 6587, :5514), plain or TLS (the server socket factory decides; the handshake runs on the connection's
 * thread, at its first read).
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
    private final CollectorMetrics.Endpoint metrics;
    private final ServerSocket server;
    private final ExecutorService connections;
    private final Set<CollectorConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private TcpCollector(CollectorSettings settings, ServerSocketFactory sockets, Producer<byte[], byte[]> producer,
            Clock clock, CollectorMetrics.Endpoint metrics) throws IOException {
        this.settings = settings;
        this.producer = producer;
        this.clock = clock;
        this.metrics = metrics;
        this.server = sockets.createServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 128);
        AtomicInteger ids = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, settings.maxConnections(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, settings.name() + "-conn-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.acceptor = new Thread(this::acceptLoop, settings.name() + "-accept");
        acceptor.setDaemon(true);
    }

    /** Binds the port (plain TCP) and starts accepting connections, with counters of its own. */
    public static TcpCollector start(CollectorSettings settings, Producer<byte[], byte[]> producer, Clock clock)
            throws IOException {
        return start(settings, ServerSocketFactory.getDefault(), producer, clock,
                new CollectorMetrics().endpoint(settings.name()));
    }

    /** Binds the port with sockets from {@code sockets} (an SSLServerSocketFactory for TLS) and starts accepting. */
    public static TcpCollector start(CollectorSettings settings, ServerSocketFactory sockets,
            Producer<byte[], byte[]> producer, Clock clock, CollectorMetrics.Endpoint metrics) throws IOException {
        TcpCollector collector = new TcpCollector(settings, sockets, producer, clock, metrics);
        collector.acceptor.start();
        log.info("{} collector listening on {}:{}{}", settings.name(), settings.bindAddress(), collector.port(),
                sockets instanceof javax.net.ssl.SSLServerSocketFactory ? " (TLS)" : "");
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
                    log.error("{} accept failed", settings.name(), e);
                }
                return;
            }
            try {
                socket.setKeepAlive(true);
                CollectorConnection connection = new CollectorConnection(socket, producer, settings, clock, metrics);
                open.add(connection);
                connections.execute(() -> {
                    try {
                        connection.run();
                    } finally {
                        open.remove(connection);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.warn("{} refuses connection from {}: {} connections already open", settings.name(),
                        socket.getRemoteSocketAddress(), settings.maxConnections());
                metrics.refused("too-many-connections");
                closeQuietly(socket);
            } catch (IOException e) {
                log.warn("{} connection setup failed", settings.name(), e);
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
                log.warn("{} connections still busy after 30 s; closing them", settings.name());
                open.forEach(CollectorConnection::closeNow);
                connections.shutdownNow();
            }
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("{} collector closed", settings.name());
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("close failed", e);
        }
    }
}
