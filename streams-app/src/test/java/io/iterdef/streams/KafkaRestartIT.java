package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka stops in the middle of a stream and starts again: shippers retry what was not acknowledged (HTTP 503, a
 * closed TCP connection), so every record reaches iterdef.raw at least once and every event is in Elasticsearch
 * exactly once (its id is the hash of the record). The broker is a throwaway one on free ports with its own data
 * (a second {@link Stack} with only Kafka embedded; Elasticsearch and PostgreSQL are the test stack's, as external
 * services), so the other ITs' broker is never disturbed.
 */
@ExtendWith(StackExtension.class)
class KafkaRestartIT {
    private static final Logger log = LoggerFactory.getLogger(KafkaRestartIT.class);
    private static final int HTTP_BATCHES = 40;
    private static final int HTTP_BATCH = 5;
    private static final int TCP_LINES = 400;

    @Test
    void shouldLoseNothingWhenKafkaStopsMidStreamAndStartsAgain(Stack testStack, @TempDir Path dir) throws Exception {
        StackConfig kafkaOnly = throwawayKafka(testStack.config(), dir.resolve("kafka-stack"));
        Stack kafka = Stack.start(kafkaOnly);
        long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<String> httpLines = new ArrayList<>();
        List<String> tcpLines = new ArrayList<>();
        for (int i = 0; i < HTTP_BATCHES * HTTP_BATCH; i++) {
            httpLines.add(Shippers.nxlogLine(base + i));
        }
        for (int i = 0; i < TCP_LINES; i++) {
            tcpLines.add(Shippers.nxlogLine(base + 100_000 + i));
        }
        List<String> ids = new ArrayList<>();
        for (String line : httpLines) {
            ids.addAll(Shippers.ids(line, null));
        }
        for (String line : tcpLines) {
            ids.addAll(Shippers.ids(line, null));
        }

        Map<String, String> env = Map.of("ITERDEF_COLLECTOR_SEND_TIMEOUT_MS", "3000");
        StreamsAppConfig cfg = ItSupport.config(kafka, ItSupport.runId(), dir.resolve("app"), env);
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger reconnects = new AtomicInteger();
        try (StreamsApp app = StreamsApp.start(cfg);
                RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch())) {
            int httpPort = app.collectors().httpPort();
            CompletableFuture<Void> http = CompletableFuture.runAsync(() -> postAll(httpPort, httpLines, retries));
            CompletableFuture<Void> tcp = CompletableFuture.runAsync(() -> streamAll(app.collectorPort(), tcpLines,
                    reconnects));

            Thread.sleep(2000);
            log.info("stopping Kafka mid-stream");
            kafka.close();
            Thread.sleep(5000);
            log.info("starting Kafka again");
            kafka = Stack.start(kafkaOnly);

            http.get(5, TimeUnit.MINUTES);
            tcp.get(5, TimeUnit.MINUTES);
            log.info("all sent: {} HTTP retries, {} TCP reconnects", retries.get(), reconnects.get());

            try (KafkaConsumer<byte[], byte[]> raw = ItSupport.consumer(cfg, app.topics().raw().name())) {
                Set<String> expected = new HashSet<>(httpLines);
                expected.addAll(tcpLines);
                Set<String> seen = new HashSet<>();
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    for (ConsumerRecord<byte[], byte[]> r : ItSupport.pollInto(raw, records)) {
                        seen.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                    records.clear();
                    return seen.containsAll(expected);
                });
            }
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> ItSupport.countIds(es, "events-*", ids) == ids.size());
            assertThat(ItSupport.countTerms(es, "events-*", "event.id", ids)).isEqualTo(ids.size());
        } finally {
            kafka.close();
        }
    }

    /** Only Kafka is started (free ports, own data); Elasticsearch and PostgreSQL are the test stack's. */
    private static StackConfig throwawayKafka(StackConfig main, Path dataDir) throws IOException {
        return new StackConfig("127.0.0.1:" + freePort(), false, freePort(), Map.of(), main.elasticsearchUrl(), true,
                main.elasticsearchAuthorization(), main.jdbcUrl(), true, main.dbUser(), main.dbPassword(), dataDir,
                main.startTimeout());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** om_http-like: batches in order, a 503 (or a failed connection) sends the same batch again. */
    private static void postAll(int port, List<String> lines, AtomicInteger retries) {
        for (int i = 0; i < lines.size(); i += HTTP_BATCH) {
            List<String> batch = lines.subList(i, i + HTTP_BATCH);
            while (true) {
                try {
                    HttpResponse<String> r = Shippers.post(port, batch, "nxlog-json", i % 2 == 0);
                    if (r.statusCode() == 200) {
                        break;
                    }
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                } catch (IOException e) {
                    log.info("HTTP post failed: {}", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                retries.incrementAndGet();
                sleep(500);
            }
            sleep(200);
        }
    }

    /**
     * om_tcp-like: one line every 30 ms on one connection; when the collector closes the connection (a failed
     * Kafka send), reconnect and send everything again: nothing of a connection is known to be stored before the
     * collector closes it cleanly.
     */
    private static void streamAll(int port, List<String> lines, AtomicInteger reconnects) {
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                for (String line : lines) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sleep(30);
                }
                socket.shutdownOutput();
                socket.setSoTimeout(180_000);
                if (socket.getInputStream().read() == -1) {
                    return; // closed after Kafka confirmed every line
                }
            } catch (IOException e) {
                log.info("TCP connection failed: {}; resending", e.toString());
            }
            reconnects.incrementAndGet();
            sleep(500);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
