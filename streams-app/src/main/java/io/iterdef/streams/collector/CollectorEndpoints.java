package io.iterdef.streams.collector;

import io.iterdef.streams.collector.http.HttpCollector;
import io.iterdef.streams.collector.http.HttpSettings;
import io.iterdef.streams.config.CollectorConfig;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every collector endpoint of the app, sharing one producer and one set of counters: TCP JSON lines (:5140),
 * syslog over TCP and UDP (:5514), HTTP(S) (:8088), TLS on the TCP ones and HTTP when a key store is configured,
 * and a summary of the counters in the log every minute. Closing stops them newest first; the producer stays the
 * caller's and must be closed afterwards, which flushes what the endpoints handed it.
 */
public final class CollectorEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CollectorEndpoints.class);
    private static final long SUMMARY_MINUTES = 1;

    private final CollectorMetrics metrics = new CollectorMetrics();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<String> endpoints = new ArrayList<>();
    private TcpCollector tcp;
    private TcpCollector syslogTcp;
    private UdpSyslogCollector syslogUdp;
    private HttpCollector http;

    private CollectorEndpoints() {
    }

    /** Starts every enabled endpoint; on failure closes what was started and rethrows. */
    public static CollectorEndpoints start(StreamsAppConfig cfg, Topics topics, Producer<byte[], byte[]> producer,
            Clock clock) throws IOException {
        CollectorEndpoints c = new CollectorEndpoints();
        try {
            c.startAll(cfg, topics, producer, clock);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void startAll(StreamsAppConfig cfg, Topics topics, Producer<byte[], byte[]> producer, Clock clock)
            throws IOException {
        CollectorConfig cc = cfg.collector();
        String bind = cfg.collectorBindAddress();
        SSLContext tls = cc.tls() ? Tls.serverContext(cc.tlsKeystore(), cc.tlsKeystorePassword()) : null;
        ServerSocketFactory sockets = tls == null ? ServerSocketFactory.getDefault() : tls.getServerSocketFactory();
        String scheme = tls == null ? "tcp" : "tls";

        tcp = TcpCollector.start(CollectorSettings.lines(bind, cfg.collectorPort(), topics, cfg.collectorFormatHint(),
                cc.maxRecordBytes()), sockets, producer, clock, metrics.endpoint("tcp"));
        started.push(tcp);
        endpoints.add("JSON lines " + scheme + "://" + bind + ":" + tcp.port());
        if (cc.syslogEnabled()) {
            syslogTcp = TcpCollector.start(CollectorSettings.syslog(bind, cc.syslogPort(), topics,
                    cc.maxRecordBytes()), sockets, producer, clock, metrics.endpoint("syslog-tcp"));
            started.push(syslogTcp);
            syslogUdp = UdpSyslogCollector.start(bind, cc.syslogPort(), topics, cc.maxRecordBytes(), producer, clock,
                    metrics.endpoint("syslog-udp"));
            started.push(syslogUdp);
            endpoints.add("syslog " + scheme + "://" + bind + ":" + syslogTcp.port() + " and udp://" + bind + ":"
                    + syslogUdp.port());
        }
        if (cc.httpEnabled()) {
            http = HttpCollector.start(new HttpSettings(bind, cc.httpPort(), topics, cfg.collectorFormatHint(),
                    cc.maxRecordBytes(), cc.maxRequestBytes(), cc.sendTimeout(), cc.httpThreads(), cc.token()),
                    tls, producer, clock, metrics);
            started.push(http);
            String base = (tls == null ? "http" : "https") + "://" + bind + ":" + http.port();
            endpoints.add("HTTP POST " + base + "/ingest" + (cc.token() == null ? "" : " (bearer token)")
                    + ", GET " + base + "/metrics");
        }
        ScheduledExecutorService summary = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "collector-metrics");
            t.setDaemon(true);
            return t;
        });
        summary.scheduleAtFixedRate(() -> log.info("collector counters: {}", metrics.summary()), SUMMARY_MINUTES,
                SUMMARY_MINUTES, TimeUnit.MINUTES);
        started.push(summary::shutdownNow);
    }

    /** One entry per endpoint, for the ready line: {@code syslog tcp://0.0.0.0:5514 and udp://0.0.0.0:5514}. */
    public List<String> describe() {
        return List.copyOf(endpoints);
    }

    public CollectorMetrics metrics() {
        return metrics;
    }

    public int tcpPort() {
        return tcp.port();
    }

    /** -1 when the endpoint is off. */
    public int syslogTcpPort() {
        return syslogTcp == null ? -1 : syslogTcp.port();
    }

    public int syslogUdpPort() {
        return syslogUdp == null ? -1 : syslogUdp.port();
    }

    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("error while stopping {}", c, e);
            }
        }
        log.info("collector counters at stop: {}", metrics.summary());
    }
}
