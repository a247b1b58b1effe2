package io.iterdef.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the streams app while a shipper sends at a steady rate through the collector's TCP port, then a new
 * start on the same data directory and application id: every event is in Elasticsearch exactly once, every alert the
 * offline engine expects is stored exactly once (and nothing else for these hosts), no incident is doubled.
 *
 * <p>The collector is inside the killed process, so the shipper's connections fail and it retries them until the
 * new instance listens. One honest limit of TCP without acknowledgements: a connection whose collector dies after it
 * read everything is closed by the kernel with a normal FIN, which the shipper cannot tell from the collector's
 * "all stored" close. The test therefore also resends the batches whose connection ended between the kill and the
 * restart, as a shipper that knows its receiver restarted would (resending is safe: ids are deterministic).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StreamsAppKillIT {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsAppKillIT.class);
    private static final int COPIES = 30;
    private static final int LINES_PER_SECOND = 40;

    @BeforeAll
    static void stack() {
        FaultStack.get();
    }

    /** The expected alerts whose ids are not among {@code stored}: rule, host, first event, count. */
    private static List<String> expectedAlertsMissing(Load load, List<String> stored) {
        Set<String> have = Set.copyOf(stored);
        return load.copies().stream().flatMap(c -> c.alerts().stream()).filter(a -> !have.contains(a.getId()))
                .map(a -> a.getRuleName() + " @ " + a.getGroupKey() + " first event " + a.getEventIds().get(0) + " ("
                        + a.getId() + ")")
                .toList();
    }

    /** For each copy with events not (yet) in Elasticsearch: how many of its events are missing. */
    private static Map<Integer, Long> eventsMissingByCopy(Load load) {
        Map<Integer, Long> missing = new TreeMap<>();
        for (Load.Copy copy : load.copies()) {
            long absent = copy.eventIds().size() - Elasticsearch.countIds("events-*", copy.eventIds());
            if (absent > 0) {
                missing.put(copy.index(), absent);
            }
        }
        return missing;
    }

    @Test
    void shouldStoreEveryEventAndAlertOnceWhenTheStreamsAppIsKilledMidStream() throws Exception {
        Pipeline pipeline = new Pipeline("kill");
        Load load = Load.of(pipeline.runId, COPIES);
        List<List<String>> batches = load.copies().stream().map(Load.Copy::lines).toList();
        TcpShipper shipper = new TcpShipper(pipeline.collectorTcpPort, LINES_PER_SECOND);

        try (AppProcess web = pipeline.startWeb()) {
            AppProcess first = pipeline.startStreams();
            CompletableFuture<Void> sending = shipper.sendAsync(batches);
            await().atMost(Duration.ofSeconds(60)).until(() -> shipper.endedSince(0).size() >= COPIES / 3);
            TcpShipper.sleep(Duration.ofMillis(150)); // inside the next batch
            long killed = System.nanoTime();
            LOG.info("kill -9 {}", first);
            first.kill();
            TcpShipper.sleep(Duration.ofSeconds(2));
            try (AppProcess second = pipeline.startStreams()) {
                long restarted = System.nanoTime();
                sending.get(5, TimeUnit.MINUTES);
                List<Integer> suspect = shipper.endedSince(killed).stream()
                        .filter(i -> shipper.endedAt(i) <= restarted).toList();
                LOG.info("{} failed connections retried; resending {} batches closed while no collector ran: {}",
                        shipper.failures(), suspect.size(), suspect);
                for (int i : suspect) {
                    shipper.sendWithRetry(i, batches.get(i));
                }
                assertThat(shipper.failures()).as("connections cut by the kill").isPositive();

                List<String> ids = load.eventIds();
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(eventsMissingByCopy(load))
                                .as("copy (shipper batch) -> its events not in Elasticsearch").isEmpty());
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> assertThat(expectedAlertsMissing(load, Database.alertIds(load.hosts())))
                                .as("expected alerts not stored").isEmpty());
                TcpShipper.sleep(Duration.ofSeconds(3)); // anything extra would have arrived by now

                assertThat(Elasticsearch.countTerms("events-*", "event.id", ids)).isEqualTo(ids.size());
                List<String> stored = Database.alertIds(load.hosts());
                assertThat(stored).as("every expected alert exactly once, and nothing else").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(load.alertIds());
                assertThat(Database.incidentKeys(load.hosts())).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(load.incidentKeys());
                assertThat(Elasticsearch.countIds("alerts-*", load.alertIds())).isEqualTo(load.alertIds().size());
                assertThat(second.log()).contains("rebuilt its session from");
            }
        }
    }
}
