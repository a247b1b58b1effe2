package io.iterdef.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.event.Event;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import io.iterdef.streams.collector.CollectorEndpoints;
import io.iterdef.streams.config.StreamsAppConfig;
import io.iterdef.streams.index.ElasticsearchFactory;
import io.iterdef.streams.topic.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distinct events through every collector endpoint (TCP JSON lines, HTTP NDJSON plain and gzip, syslog over TCP
 * with octet counting and newline framing, syslog over UDP): each is on iterdef.raw with its envelope headers, and
 * each event is once on iterdef.events and once in Elasticsearch.
 */
@ExtendWith(StackExtension.class)
class IngestEndpointsIT {

    @Test
    void shouldIndexEachEventOnceWhenEventsArriveThroughTcpHttpAndSyslog(Stack stack, @TempDir Path dir)
            throws Exception {
        StreamsAppConfig cfg = ItSupport.config(stack, ItSupport.runId(), dir);
        long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L); // new ids every run
        Map<String, String> sent = new LinkedHashMap<>(); // record -> the format its endpoint tags it with
        String tcpLine = Shippers.nxlogLine(base);
        List<String> httpLines = List.of(Shippers.nxlogLine(base + 1), Shippers.nxlogLine(base + 2));
        String httpGzipLine = Shippers.nxlogLine(base + 3);
        String syslogOctet = Shippers.syslog5424(Shippers.nxlogLine(base + 4));
        String syslogNewline = Shippers.syslog5424(Shippers.nxlogLine(base + 5));
        String syslogUdp = Shippers.syslog5424(Shippers.nxlogLine(base + 6));

        try (StreamsApp app = StreamsApp.start(cfg);
                RestClient es = ElasticsearchFactory.restClient(cfg.elasticsearch())) {
            Topics topics = app.topics();
            CollectorEndpoints endpoints = app.collectors();
            try (KafkaConsumer<byte[], byte[]> raw = ItSupport.consumer(cfg, topics.raw().name());
                    KafkaConsumer<byte[], byte[]> events = ItSupport.consumer(cfg, topics.events().name())) {
                Shippers.tcp(endpoints.tcpPort(), List.of(tcpLine), false);
                sent.put(tcpLine, null);
                HttpResponse<String> plain = Shippers.post(endpoints.httpPort(), httpLines, "nxlog-json", false);
                HttpResponse<String> gzip = Shippers.post(endpoints.httpPort(), List.of(httpGzipLine), null, true);
                assertThat(plain.statusCode()).isEqualTo(200);
                assertThat(plain.body()).isEqualTo("{\"accepted\":2}");
                assertThat(gzip.body()).isEqualTo("{\"accepted\":1}");
                httpLines.forEach(l -> sent.put(l, "nxlog-json"));
                sent.put(httpGzipLine, null);
                Shippers.tcp(endpoints.syslogTcpPort(), List.of(syslogOctet), true);
                Shippers.tcp(endpoints.syslogTcpPort(), List.of(syslogNewline), false);
                Shippers.udp(endpoints.syslogUdpPort(), syslogUdp);
                for (String s : List.of(syslogOctet, syslogNewline, syslogUdp)) {
                    sent.put(s, "syslog");
                }

                // raw: every record once, as sent, with its format header
                List<ConsumerRecord<byte[], byte[]>> rawRecords = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> ItSupport.pollInto(raw, rawRecords).size()
                        >= sent.size());
                Map<String, String> rawFormats = rawRecords.stream().collect(Collectors.toMap(
                        r -> new String(r.value(), StandardCharsets.UTF_8), r -> format(r)));
                assertThat(rawRecords).hasSize(sent.size());
                assertThat(rawFormats).isEqualTo(withNullsAsNone(sent));

                // events and Elasticsearch: every event once
                Map<String, String> idsByRecord = new LinkedHashMap<>();
                List<String> undecodable = new ArrayList<>();
                for (Map.Entry<String, String> s : sent.entrySet()) {
                    try {
                        List<String> ids = Shippers.ids(s.getKey(), s.getValue());
                        assertThat(ids).hasSize(1);
                        idsByRecord.put(s.getKey(), ids.get(0));
                    } catch (DecodeException e) {
                        undecodable.add(s.getKey() + ": " + e.getMessage());
                    }
                }
                assertThat(undecodable).as("records the decoders refuse").isEmpty();
                List<String> ids = List.copyOf(idsByRecord.values());
                assertThat(ids).doesNotHaveDuplicates();

                List<ConsumerRecord<byte[], byte[]>> eventRecords = new ArrayList<>();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                        eventIds(ItSupport.pollInto(events, eventRecords)).keySet().containsAll(ids));
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> ItSupport.pollInto(events, eventRecords) != null);
                Map<String, Long> counts = eventIds(eventRecords);
                assertThat(counts).hasSize(ids.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ItSupport.countIds(es, "events-*", ids) == ids.size());
                assertThat(ItSupport.countTerms(es, "events-*", "event.id", ids)).isEqualTo(ids.size());

                assertThat(endpoints.metrics().prometheus())
                        .contains("iterdef_collector_records_accepted_total{endpoint=\"http\"} 3\n")
                        .contains("iterdef_collector_records_accepted_total{endpoint=\"syslog-tcp\"} 2\n")
                        .contains("iterdef_collector_records_accepted_total{endpoint=\"syslog-udp\"} 1\n")
                        .contains("iterdef_collector_records_accepted_total{endpoint=\"tcp\"} 1\n");
            }
        }
    }

    private static Map<String, Long> eventIds(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> Event.fromJson(r.value()).getId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String format(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(Topics.HEADER_FORMAT);
        return h == null ? "none" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> withNullsAsNone(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? "none" : v));
        return out;
    }
}
