package io.iterdef.streams.collector.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.iterdef.streams.collector.CollectorMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) collector: POST /ingest (see {@link IngestHandler}) and GET /metrics.
 *
 * <p>The JDK's own server ({@code com.sun.net.httpserver}, module jdk.httpserver) rather than a framework: the
 * app has two fixed endpoints, no Spring, and needs nothing a framework would add (routing, content negotiation,
 * a servlet container); HttpsServer gives TLS with a plain SSLContext. Netty is not on the classpath either.
 *
 * <p>Requests run on a bounded pool ({@code threads}, each holding at most one body of ITERDEF_COLLECTOR_MAX_REQUEST_BYTES
 * in memory) with a bounded queue; when both are full the server's dispatcher thread runs the request itself,
 * which stops it accepting connections until a thread is free: the kernel's backlog then pushes back on the
 * shippers instead of the heap growing.
 */
public final class HttpCollector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpCollector.class);

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final boolean tls;
    private final Duration stopWait;
    private final Exchanges exchanges;

    private HttpCollector(HttpServer server, ThreadPoolExecutor executor, boolean tls, Duration stopWait,
            Exchanges exchanges) {
        this.server = server;
        this.executor = executor;
        this.tls = tls;
        this.stopWait = stopWait;
        this.exchanges = exchanges;
    }

    /** Binds and starts; {@code tls} null serves plain HTTP. The producer is the caller's (closed after this). */
    public static HttpCollector start(HttpSettings settings, SSLContext tls, Producer<byte[], byte[]> producer,
            Clock clock, CollectorMetrics metrics) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        HttpServer server;
        if (tls == null) {
            server = HttpServer.create(address, 128);
        } else {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        AtomicInteger ids = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.threads() * 4), r -> {
                    Thread t = new Thread(r, "http-collector-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        BearerToken token = BearerToken.of(settings.token());
        Exchanges exchanges = new Exchanges();
        server.createContext("/ingest", new IngestHandler(settings, producer, clock, metrics.endpoint("http")))
                .getFilters().add(exchanges);
        server.createContext("/metrics", new MetricsHandler(metrics, token));
        server.createContext("/", ex -> {
            try (ex) {
                Responses.error(ex, 404, "not-found", "POST /ingest, GET /metrics");
            }
        });
        server.start();
        HttpCollector collector = new HttpCollector(server, executor, tls != null,
                settings.sendTimeout().plusSeconds(1), exchanges);
        log.info("http collector listening on {}:{} ({}{})", settings.bindAddress(), collector.port(),
                tls == null ? "HTTP" : "HTTPS", token.required() ? ", bearer token required" : "");
        return collector;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public boolean tls() {
        return tls;
    }

    /**
     * Refuses new requests (503), lets running ones finish (they wait for Kafka at most the send timeout), then
     * stops. (JDK 17's {@code HttpServer.stop(delay)} always waits the whole delay, so we wait ourselves.)
     */
    @Override
    public void close() {
        exchanges.drain(stopWait);
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("http collector closed");
    }
}
