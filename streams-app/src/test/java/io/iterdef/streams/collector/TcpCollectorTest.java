package io.iterdef.streams.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpCollectorTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Topics topics = Topics.defaults();
    private TcpCollector collector;
    private MockProducer<byte[], byte[]> producer;

    @AfterEach
    void stop() {
        if (collector != null) {
            collector.close();
        }
    }

    private void start(boolean autoComplete, int maxLine, int maxInFlight) throws IOException {
        producer = new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
        collector = TcpCollector.start(new CollectorSettings("tcp", "127.0.0.1", 0, topics, "nxlog-json",
                CollectorSettings.Framing.LINES, maxLine, 4, maxInFlight), producer, CLOCK);
    }

    @Test
    void shouldSendEveryLineToRawWithEnvelopeHeadersWhenAShipperSendsJsonLines() throws IOException {
        start(true, 1000, 10);
        try (Socket s = connect()) {
            s.getOutputStream().write("{\"a\":1}\r\n{\"b\":2}\n\n{\"c\":3}".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 3);
        }

        List<ProducerRecord<byte[], byte[]>> sent = producer.history();
        assertThat(sent).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        ProducerRecord<byte[], byte[]> first = sent.get(0);
        assertThat(first.topic()).isEqualTo("iterdef.raw");
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1");
        assertThat(header(first, Topics.HEADER_RECEIVED)).isEqualTo(Long.toString(NOW.toEpochMilli()));
        assertThat(header(first, Topics.HEADER_SOURCE)).isEqualTo("127.0.0.1");
        assertThat(header(first, Topics.HEADER_FORMAT)).isEqualTo("nxlog-json");
    }

    @Test
    void shouldSendOversizeLineToDlqWithReasonWhenItExceedsTheLimit() throws IOException {
        start(true, 100, 10);
        try (Socket s = connect()) {
            s.getOutputStream().write(("x".repeat(250) + "\n{\"ok\":1}\n").getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
        }

        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo("iterdef.dlq");
        assertThat(dead.value()).hasSize(100);
        assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("250 bytes").contains("limit of 100");
        assertThat(header(dead, Topics.HEADER_SOURCE)).isEqualTo("127.0.0.1");
        assertThat(producer.history().get(1).topic()).isEqualTo("iterdef.raw");
    }

    @Test
    void shouldCloseTheConnectionWhenAKafkaSendFails() throws IOException {
        start(false, 1000, 10);
        try (Socket s = connect()) {
            s.getOutputStream().write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
            producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker unavailable"));
            s.setSoTimeout(5000);
            assertThat(readEndOfStream(s.getInputStream())).isTrue();
        }
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldStopReadingWhenTooManySendsAreUnconfirmed() throws IOException {
        start(false, 1000, 2);
        try (Socket s = connect()) {
            s.getOutputStream().write("1\n2\n3\n4\n5\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> producer.history().size() == 2);

            await().atMost(Duration.ofSeconds(5)).until(() -> {
                producer.completeNext();
                return producer.history().size() == 5;
            });
            while (producer.completeNext()) {
                // confirm the rest, so the connection can finish
            }
        }
    }

    @Test
    void shouldStopReadingAndKeepTheConnectionWhenKafkaTakesNoRecordsUntilItDoesAgain() throws IOException {
        start(true, 1000, 10);
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException(
                "Topic iterdef.raw not present in metadata after 10000 ms.");
        try (Socket s = connect()) {
            s.getOutputStream().write("1\n2\n".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            s.setSoTimeout(500);
            assertThat(readTimesOut(s.getInputStream())).isTrue();
            assertThat(producer.history()).isEmpty();

            producer.sendException = null;
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(producer.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("1", "2");
    }

    @Test
    void shouldStopReadingWhenTheProducerFailsTheSendOnTheCallingThreadForMissingMetadata() throws IOException {
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(3);
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<byte[], byte[]> record, org.apache.kafka.clients.producer.Callback callback) {
                if (refusals.getAndDecrement() > 0) { // what KafkaProducer does for an ApiException in doSend
                    callback.onCompletion(null, new org.apache.kafka.common.errors.TimeoutException(
                            "Topic iterdef.raw not present in metadata after 10000 ms."));
                    return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException());
                }
                return super.send(record, callback);
            }
        };
        collector = TcpCollector.start(CollectorSettings.of("127.0.0.1", 0, topics, null), producer, CLOCK);
        try (Socket s = connect()) {
            s.getOutputStream().write("1\n2\n".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(producer.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("1", "2");
    }

    @Test
    void shouldKeepTheConnectionOpenUntilKafkaConfirmedEverySendWhenTheShipperFinishes() throws IOException {
        start(false, 1000, 10);
        try (Socket s = connect()) {
            s.getOutputStream().write("1\n2\n".getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
            s.setSoTimeout(300);
            assertThat(readTimesOut(s.getInputStream())).isTrue();

            producer.completeNext();
            producer.completeNext();
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", collector.port());
    }

    private static boolean readEndOfStream(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException e) {
            return true; // connection reset: closed with unread data
        }
    }

    private static boolean readTimesOut(InputStream in) throws IOException {
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
