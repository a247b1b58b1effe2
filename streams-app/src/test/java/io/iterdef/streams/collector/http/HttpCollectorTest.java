package io.iterdef.streams.collector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.streams.collector.CollectorMetrics;
import io.iterdef.streams.collector.TestKeystore;
import io.iterdef.streams.collector.Tls;
import io.iterdef.streams.topic.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpCollectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String LINE1 = "{\"EventID\":4624,\"Hostname\":\"WS07\",\"RecordNumber\":1}";
    private static final String LINE2 = "{\"EventID\":4625,\"Hostname\":\"WS07\",\"RecordNumber\":2}";

    private final CollectorMetrics metrics = new CollectorMetrics();
    private MockProducer<byte[], byte[]> producer;
    private HttpCollector collector;
    private HttpClient client = HttpClient.newHttpClient();
    private String base;

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.close();
        }
    }

    private void start(boolean autoComplete, String token, Duration sendTimeout, SSLContext tls) throws IOException {
        producer = new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
        collector = HttpCollector.start(new HttpSettings("127.0.0.1", 0, Topics.defaults(), null, 100, 1000,
                sendTimeout, 2, token), tls, producer, CLOCK, metrics);
        base = (tls == null ? "http" : "https") + "://127.0.0.1:" + collector.port();
    }

    private void start() throws IOException {
        start(true, null, Duration.ofSeconds(5), null);
    }

    @Test
    void shouldAnswer200OnlyAfterKafkaAcknowledgedEveryRecord() throws Exception {
        start(false, null, Duration.ofSeconds(10), null);
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(post("/ingest?format=nxlog-json",
                LINE1 + "\r\n\n" + LINE2 + "\n").build(), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
        producer.completeNext();
        Thread.sleep(300);
        assertThat(response).isNotDone();

        producer.completeNext();
        HttpResponse<String> r = response.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"accepted\":2}");
        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        assertThat(first.topic()).isEqualTo("iterdef.raw");
        assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo(LINE1);
        assertThat(header(first, Topics.HEADER_FORMAT)).isEqualTo("nxlog-json");
        assertThat(header(first, Topics.HEADER_SOURCE)).isEqualTo("127.0.0.1");
        assertThat(header(first, Topics.HEADER_RECEIVED)).isEqualTo(Long.toString(CLOCK.millis()));
        assertThat(metrics.endpoint("http").acceptedCount()).isEqualTo(2);
    }

    @Test
    void shouldDecompressTheBodyWhenItIsGzipped() throws Exception {
        start();
        HttpResponse<String> r = send(post("/ingest", gzip((LINE1 + "\n" + LINE2).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Encoding", "gzip").header("X-Iterdef-Format", "winlogbeat"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(producer.history()).extracting(p -> new String(p.value(), StandardCharsets.UTF_8))
                .containsExactly(LINE1, LINE2);
        assertThat(header(producer.history().get(0), Topics.HEADER_FORMAT)).isEqualTo("winlogbeat");
    }

    @Test
    void shouldTakeAnXmlDocumentAsOneRecordWhenTheContentTypeIsXml() throws Exception {
        start();
        String xml = "<Events>\n<Event><System><EventID>1</EventID></System></Event>\n</Events>";
        HttpResponse<String> r = send(post("/ingest", "\n" + xml + "\n").header("Content-Type", "text/xml; charset=utf-8"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(producer.history()).extracting(p -> new String(p.value(), StandardCharsets.UTF_8))
                .containsExactly(xml);
    }

    @Test
    void shouldAnswer400WhenTheGzipStreamIsBroken() throws Exception {
        start();
        byte[] broken = gzip(LINE1.getBytes(StandardCharsets.UTF_8));
        broken[broken.length / 2] ^= 0x5a;
        HttpResponse<String> notGzip = send(post("/ingest", LINE1).header("Content-Encoding", "gzip"));
        HttpResponse<String> corrupt = send(post("/ingest", java.util.Arrays.copyOf(broken, broken.length - 6))
                .header("Content-Encoding", "gzip"));

        assertThat(notGzip.statusCode()).isEqualTo(400);
        assertThat(notGzip.body()).contains("bad-gzip");
        assertThat(corrupt.statusCode()).isEqualTo(400);
        assertThat(producer.history()).isEmpty();
        assertThat(metrics.endpoint("http").refusedCount("bad-gzip")).isEqualTo(2);
    }

    @Test
    void shouldAnswer413WhenTheBodyExceedsTheRequestLimit() throws Exception {
        start();
        HttpResponse<String> r = send(post("/ingest", (LINE1 + "\n").repeat(30)));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("oversized-request").contains("ITERDEF_COLLECTOR_MAX_REQUEST_BYTES");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer413WhenAGzipBombDecompressesBeyondTheLimit() throws Exception {
        start();
        byte[] bomb = gzip(new byte[500_000]);
        assertThat(bomb.length).isLessThan(1000);

        HttpResponse<String> r = send(post("/ingest", bomb).header("Content-Encoding", "gzip"));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("decompressed request body exceeds 1000 bytes");
    }

    @Test
    void shouldRefuseTheWholeRequestWith413WhenOneRecordExceedsTheRecordLimit() throws Exception {
        start();
        HttpResponse<String> r = send(post("/ingest", LINE1 + "\n{\"x\":\"" + "a".repeat(200) + "\"}\n" + LINE2));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("oversized-record").contains("line 2 is 208 bytes")
                .contains("ITERDEF_COLLECTOR_MAX_RECORD_BYTES");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldAnswer401WhenATokenIsSetAndTheRequestLacksIt() throws Exception {
        start(true, "s3cret", Duration.ofSeconds(5), null);

        HttpResponse<String> none = send(post("/ingest", LINE1));
        HttpResponse<String> wrong = send(post("/ingest", LINE1).header("Authorization", "Bearer s3cre"));
        HttpResponse<String> right = send(post("/ingest", LINE1).header("Authorization", "Bearer s3cret"));
        HttpResponse<String> metricsWithout = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"iterdef\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(metricsWithout.statusCode()).isEqualTo(401);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldAnswer405WhenTheMethodIsNotPost() throws Exception {
        start();
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/ingest")).GET());

        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaFailsTheSend() throws Exception {
        start(false, null, Duration.ofSeconds(10), null);
        CompletableFuture<HttpResponse<String>> response = client.sendAsync(post("/ingest", LINE1).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
        producer.errorNext(new TimeoutException("Expiring 1 record(s): broker down"));

        HttpResponse<String> r = response.get();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(r.body()).contains("kafka-unavailable");
    }

    @Test
    void shouldAnswer503WhenKafkaDoesNotAcknowledgeWithinTheSendTimeout() throws Exception {
        start(false, null, Duration.ofMillis(300), null);
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(post("/ingest", LINE1 + "\n" + LINE2));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("within 300 ms");
        // refused by the 300 ms send timeout, not left to the client's 20 s request timeout; the margin is wide
        // because the first request of a fresh HttpClient can stall for seconds on a loaded CI machine
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        assertThat(metrics.endpoint("http").refusedCount("kafka-unavailable")).isEqualTo(1);
    }

    @Test
    void shouldAnswer503AfterTheFirstSendWhenKafkaHasNoMetadataForTheTopic() throws Exception {
        // as KafkaProducer does while the broker is away: send() blocks for max.block.ms, then returns a failed future
        java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
        MockProducer<byte[], byte[]> away = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record) {
                sends.incrementAndGet();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.failedFuture(new TimeoutException("Topic iterdef.raw not present in metadata"
                        + " after 300 ms."));
            }
        };
        collector = HttpCollector.start(new HttpSettings("127.0.0.1", 0, Topics.defaults(), null, 100, 1000,
                Duration.ofSeconds(1), 2, null), null, away, CLOCK, metrics);
        base = "http://127.0.0.1:" + collector.port();
        long t0 = System.nanoTime();

        HttpResponse<String> r = send(post("/ingest", String.join("\n", java.util.Collections.nCopies(5, LINE1))));

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("not present in metadata");
        assertThat(sends.get()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldServeThePrometheusCountersOnMetrics() throws Exception {
        start();
        send(post("/ingest", LINE1 + "\n" + LINE2));
        send(post("/ingest", LINE1).header("Content-Encoding", "gzip"));

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.body()).contains("iterdef_collector_records_received_total{endpoint=\"http\"} 2\n")
                .contains("iterdef_collector_records_accepted_total{endpoint=\"http\"} 2\n")
                .contains("iterdef_collector_http_requests_total{endpoint=\"http\"} 2\n")
                .contains("iterdef_collector_refused_total{endpoint=\"http\",reason=\"bad-gzip\"} 1\n")
                .contains("# TYPE iterdef_collector_refused_total counter");
    }

    @Test
    void shouldServeIncludedCountersOnMetricsWhenAnotherComponentAddsThem() throws Exception {
        start();
        StringBuilder late = new StringBuilder("0");
        metrics.include(() -> "# TYPE iterdef_detect_late_events_total counter\niterdef_detect_late_events_total "
                + late + "\n", () -> "detect late=" + late);
        late.replace(0, late.length(), "3");

        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET());

        assertThat(r.body()).contains("iterdef_collector_http_requests_total")
                .endsWith("# TYPE iterdef_detect_late_events_total counter\niterdef_detect_late_events_total 3\n");
        assertThat(metrics.summary()).endsWith("; detect late=3");
    }

    @Test
    void shouldServeHttpsWhenATlsContextIsGiven(@TempDir Path dir) throws Exception {
        Path keystore = TestKeystore.create(dir);
        start(true, null, Duration.ofSeconds(5), Tls.serverContext(keystore, TestKeystore.PASSWORD));
        client = HttpClient.newBuilder().sslContext(TestKeystore.clientTrusting(keystore)).build();

        HttpResponse<String> r = send(post("/ingest", LINE1));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"accepted\":1}");
        assertThat(collector.tls()).isTrue();
    }

    private HttpRequest.Builder post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder post(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
