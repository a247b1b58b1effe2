package io.iterdef.streams;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.collector.RawRecords;
import io.iterdef.streams.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Rule fixtures as a shipper sends them, on a host of the test's own, and a way to put them on iterdef.raw. */
final class ItEvents {
    static final String SEQUENCE_RULE = "New account added to a privileged group soon after its creation";
    private static final String ACCOUNT_THEN_GROUP = "rules/windows/security/"
            + "persistence_new_account_added_to_privileged_group/match/local_account_then_administrators_1s.ndjson";
    private static final String FIXTURE_HOST = "FIN-WS07.corp.example.org";

    private ItEvents() {
    }

    /** The 4720 (account created) and 4732 (added to Administrators) NXLog lines, as sent by {@code host}. */
    static List<String> accountThenGroup(String host) {
        try (InputStream in = ItEvents.class.getClassLoader().getResourceAsStream(ACCOUNT_THEN_GROUP)) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.replace("\"Hostname\":\"" + FIXTURE_HOST + "\"", "\"Hostname\":\"" + host + "\""));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Event decode(String line) {
        try {
            List<Event> events = Decoders.defaults(ZoneOffset.UTC).decode(line.getBytes(StandardCharsets.UTF_8), null);
            if (events.size() != 1) {
                throw new IllegalStateException("expected one event of " + line);
            }
            return events.get(0);
        } catch (DecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    static Producer<byte[], byte[]> producer(Map<String, Object> kafkaClientProperties) {
        Map<String, Object> p = new java.util.HashMap<>(kafkaClientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the lines to iterdef.raw the way the collector does, and waits for Kafka's acknowledgement. */
    static void send(Producer<byte[], byte[]> producer, Topics topics, String source, List<String> lines) {
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (String line : lines) {
                sent.add(producer.send(RawRecords.raw(topics, source, null, System.currentTimeMillis(),
                        line.getBytes(StandardCharsets.UTF_8))));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send to " + topics.raw().name() + " failed", e.getCause());
        }
    }
}
