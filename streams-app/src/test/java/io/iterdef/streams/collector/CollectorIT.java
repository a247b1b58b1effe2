package io.iterdef.streams.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.ItSupport;
import io.iterdef.streams.Scenario;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.topic.Topics;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(StackExtension.class)
class CollectorIT {

    @Test
    void shouldPutEveryLineSentOverTcpIntoRawWhenKafkaIsReal(Stack stack, @TempDir Path dir) throws Exception {
        StreamsAppConfig cfg = ItSupport.config(stack, ItSupport.runId(), dir);
        Topics topics = Topics.withPrefix(cfg.topicPrefix());
        ItSupport.createTopics(cfg, topics);
        Map<String, Object> props = new HashMap<>(cfg.kafka().clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        List<byte[]> lines = Scenario.lines();

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                        new ByteArraySerializer());
                TcpCollector collector = TcpCollector.start(CollectorSettings.of("127.0.0.1", 0, topics, null),
                        producer, Clock.systemUTC());
                KafkaConsumer<byte[], byte[]> consumer = ItSupport.consumer(cfg, topics.raw().name())) {
            try (Socket socket = new Socket("127.0.0.1", collector.port())) {
                OutputStream out = socket.getOutputStream();
                for (byte[] line : lines) {
                    out.write(line);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                socket.shutdownOutput();
                socket.setSoTimeout(60_000);
                // the collector closes only after Kafka confirmed every line
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }

            List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.pollInto(consumer, received).size() >= lines.size());

            assertThat(received).hasSize(lines.size());
            assertThat(received).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrderElementsOf(lines.stream()
                            .map(l -> new String(l, StandardCharsets.UTF_8)).toList());
            for (ConsumerRecord<byte[], byte[]> r : received) {
                assertThat(new String(r.headers().lastHeader(Topics.HEADER_SOURCE).value(), StandardCharsets.US_ASCII))
                        .isEqualTo("127.0.0.1");
                assertThat(Long.parseLong(new String(r.headers().lastHeader(Topics.HEADER_RECEIVED).value(),
                        StandardCharsets.US_ASCII))).isPositive();
            }
        }
    }
}
