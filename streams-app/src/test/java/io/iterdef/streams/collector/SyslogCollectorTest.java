package io.iterdef.streams.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLSocket;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogCollectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String MESSAGE = "<14>1 2024-05-01T10:00:00Z WS07 nxlog - - - {\"EventID\":4624}";

    private final Topics topics = Topics.defaults();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final CollectorMetrics metrics = new CollectorMetrics();
    private AutoCloseable collector;

    @AfterEach
    void stop() throws Exception {
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void shouldSendEachDatagramAsOneSyslogRecordWhenReceivedOverUdp() throws Exception {
        UdpSyslogCollector udp = UdpSyslogCollector.start("127.0.0.1", 0, topics, 100, producer, CLOCK,
                metrics.endpoint("syslog-udp"));
        collector = udp;
        try (DatagramSocket client = new DatagramSocket()) {
            for (String m : new String[] {MESSAGE + "\n", "<13>second\r\n\u0000", "<13>" + "z".repeat(200)}) {
                byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), udp.port()));
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 3);

        ProducerRecord<byte[], byte[]> first = producer.history().get(0);
        assertThat(value(first)).isEqualTo(MESSAGE);
        assertThat(first.topic()).isEqualTo("iterdef.raw");
        assertThat(header(first, Topics.HEADER_FORMAT)).isEqualTo("syslog");
        assertThat(header(first, Topics.HEADER_SOURCE)).isEqualTo("127.0.0.1");
        assertThat(value(producer.history().get(1))).isEqualTo("<13>second");
        ProducerRecord<byte[], byte[]> dead = producer.history().get(2);
        assertThat(dead.topic()).isEqualTo("iterdef.dlq");
        assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("204 bytes").contains("limit of 100");
        assertThat(metrics.endpoint("syslog-udp").acceptedCount()).isEqualTo(2);
        assertThat(metrics.endpoint("syslog-udp").refusedCount("oversized")).isEqualTo(1);
    }

    @Test
    void shouldCountLostMessagesWhenKafkaFailsAUdpSend() throws Exception {
        MockProducer<byte[], byte[]> failing = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        UdpSyslogCollector udp = UdpSyslogCollector.start("127.0.0.1", 0, topics, 1000, failing, CLOCK,
                metrics.endpoint("syslog-udp"));
        collector = udp;
        try (DatagramSocket client = new DatagramSocket()) {
            byte[] bytes = MESSAGE.getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), udp.port()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> failing.history().size() == 1);
        failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker down"));

        assertThat(metrics.endpoint("syslog-udp").refusedCount("kafka-unavailable")).isEqualTo(1);
        assertThat(metrics.endpoint("syslog-udp").acceptedCount()).isZero();
    }

    @Test
    void shouldFrameSyslogOverTcpWithTheSyslogFormatHeader() throws Exception {
        TcpCollector tcp = TcpCollector.start(CollectorSettings.syslog("127.0.0.1", 0, topics, 1000),
                ServerSocketFactory.getDefault(), producer, CLOCK, metrics.endpoint("syslog-tcp"));
        collector = tcp;
        try (Socket s = new Socket("127.0.0.1", tcp.port())) {
            s.getOutputStream().write((MESSAGE.length() + " " + MESSAGE + "<13>newline framed\n")
                    .getBytes(StandardCharsets.UTF_8));
            s.shutdownOutput();
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }

        assertThat(producer.history()).extracting(SyslogCollectorTest::value)
                .containsExactly(MESSAGE, "<13>newline framed");
        assertThat(header(producer.history().get(1), Topics.HEADER_FORMAT)).isEqualTo("syslog");
        assertThat(metrics.endpoint("syslog-tcp").acceptedCount()).isEqualTo(2);
    }

    @Test
    void shouldAcceptSyslogOverTlsWhenAKeyStoreIsConfigured(@TempDir Path dir) throws Exception {
        Path keystore = TestKeystore.create(dir);
        TcpCollector tcp = TcpCollector.start(CollectorSettings.syslog("127.0.0.1", 0, topics, 1000),
                Tls.serverContext(keystore, TestKeystore.PASSWORD).getServerSocketFactory(), producer, CLOCK,
                metrics.endpoint("syslog-tcp"));
        collector = tcp;
        try (SSLSocket s = (SSLSocket) TestKeystore.clientTrusting(keystore).getSocketFactory()
                .createSocket("127.0.0.1", tcp.port())) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).startsWith("TLSv1.");
            s.getOutputStream().write((MESSAGE + "\n").getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
        }
        assertThat(value(producer.history().get(0))).isEqualTo(MESSAGE);
    }

    @Test
    void shouldRefuseAPlainTextClientWhenTheEndpointSpeaksTls(@TempDir Path dir) throws Exception {
        Path keystore = TestKeystore.create(dir);
        TcpCollector tcp = TcpCollector.start(CollectorSettings.syslog("127.0.0.1", 0, topics, 1000),
                Tls.serverContext(keystore, TestKeystore.PASSWORD).getServerSocketFactory(), producer, CLOCK,
                metrics.endpoint("syslog-tcp"));
        collector = tcp;
        try (Socket s = new Socket("127.0.0.1", tcp.port())) {
            s.getOutputStream().write((MESSAGE + "\n").getBytes(StandardCharsets.UTF_8));
            s.setSoTimeout(5000);
            drain(s);
        }
        assertThat(producer.history()).isEmpty();
    }

    private static void drain(Socket s) {
        try {
            while (s.getInputStream().read() != -1) {
                // the server answers with a TLS alert, then closes
            }
        } catch (IOException e) {
            // reset: closed
        }
    }

    private static String value(ProducerRecord<byte[], byte[]> r) {
        return new String(r.value(), StandardCharsets.UTF_8);
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
