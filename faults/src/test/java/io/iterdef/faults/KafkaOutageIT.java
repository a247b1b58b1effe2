package io.iterdef.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.stack.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka broker stops for a minute while a shipper sends through the collector's TCP port: the collector pushes
 * back (an HTTP POST answers 503 with Retry-After; the TCP connection is not read while Kafka takes nothing, or is
 * closed so the shipper resends) and, once Kafka is back, nothing is lost: every event of the run is in Elasticsearch
 * exactly once, including those POSTed over HTTP after their 503.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class KafkaOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaOutageIT.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int COPIES = 20;
    private static final int LINES_PER_SECOND = 5;

    @BeforeAll
    static void stack() {
        FaultStack.get();
    }

    @AfterAll
    static void restore() {
        FaultStack.get().start(Stack.Service.KAFKA);
    }

    @Test
    void shouldPushBackAndLoseNothingWhenKafkaStopsForAMinute() throws Exception {
        Stack stack = FaultStack.get();
        Pipeline pipeline = new Pipeline("kafka-outage").withStreams("ITERDEF_COLLECTOR_SEND_TIMEOUT_MS", "3000");
        Load load = Load.of(pipeline.runId, COPIES + 1);
        List<List<String>> tcpBatches = load.copies().subList(0, COPIES).stream().map(Load.Copy::lines).toList();
        List<String> httpBatch = load.copies().get(COPIES).lines();
        TcpShipper shipper = new TcpShipper(pipeline.collectorTcpPort, LINES_PER_SECOND);

        try (AppProcess streams = pipeline.startStreams()) {
            CompletableFuture<Void> sending = shipper.sendAsync(tcpBatches);
            List<String> firstIds = load.copies().get(0).eventIds();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Elasticsearch.countIds("events-*", firstIds) == firstIds.size());
            LOG.info("stopping Kafka for a minute");
            stack.stop(Stack.Service.KAFKA);
            long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();

            // HTTP: refused with 503 and Retry-After while Kafka is away
            HttpResponse<String> refused = post(pipeline.collectorHttpPort, httpBatch);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> streams.logged("Kafka is not taking records"));
            TcpShipper.sleep(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
            assertThat(sending).as("the shipper is held back").isNotDone();
            LOG.info("starting Kafka again");
            stack.start(Stack.Service.KAFKA);

            // the HTTP shipper retries after its 503 until accepted
            List<Integer> statuses = new ArrayList<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                int status = post(pipeline.collectorHttpPort, httpBatch).statusCode();
                statuses.add(status);
                return status == 200;
            });
            sending.get(5, TimeUnit.MINUTES);
            assertThat(streams.isAlive()).as("streams-app survived the outage").isTrue();

            List<String> ids = load.eventIds();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Elasticsearch.countIds("events-*", ids) == ids.size());
            assertThat(Elasticsearch.countTerms("events-*", "event.id", ids)).isEqualTo(ids.size());
            LOG.info("TCP connections retried: {}; HTTP statuses after the restart: {}", shipper.failures(), statuses);
        }
    }

    private static HttpResponse<String> post(int port, List<String> lines) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
