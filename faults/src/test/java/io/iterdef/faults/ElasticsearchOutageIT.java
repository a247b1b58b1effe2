package io.iterdef.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.stack.Stack;
import java.time.Duration;
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
 * Elasticsearch stops for two minutes while a shipper keeps sending and starts again: the indexer retries with
 * back-off and commits nothing past what Elasticsearch stored, Kafka holds the backlog, and afterwards every event is
 * in Elasticsearch exactly once and the indexer's group has nothing left to consume on iterdef.events and
 * iterdef.alerts (lag zero).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticsearchOutageIT {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchOutageIT.class);
    private static final int COPIES = 45;
    private static final int LINES_PER_SECOND = 6;
    private static final Duration OUTAGE = Duration.ofMinutes(2);

    @BeforeAll
    static void stack() {
        FaultStack.get();
    }

    @AfterAll
    static void restore() {
        FaultStack.get().start(Stack.Service.ELASTICSEARCH);
    }

    @Test
    void shouldIndexEverythingOnceAndCatchUpWhenElasticsearchStopsForTwoMinutes() throws Exception {
        Stack stack = FaultStack.get();
        Pipeline pipeline = new Pipeline("es-outage");
        Load load = Load.of(pipeline.runId, COPIES);
        TcpShipper shipper = new TcpShipper(pipeline.collectorTcpPort, LINES_PER_SECOND);

        try (AppProcess streams = pipeline.startStreams()) {
            CompletableFuture<Void> sending = shipper.sendAsync(load.copies().stream().map(Load.Copy::lines).toList());
            List<String> firstIds = load.copies().get(0).eventIds();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Elasticsearch.countIds("events-*", firstIds) == firstIds.size());
            LOG.info("stopping Elasticsearch for {}", OUTAGE);
            stack.stop(Stack.Service.ELASTICSEARCH);
            TcpShipper.sleep(OUTAGE);
            assertThat(sending).as("the shipper is still sending: under load").isNotDone();
            assertThat(streams.isAlive()).isTrue();
            LOG.info("starting Elasticsearch again");
            stack.start(Stack.Service.ELASTICSEARCH);

            sending.get(5, TimeUnit.MINUTES);
            List<String> ids = load.eventIds();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Elasticsearch.countIds("events-*", ids) == ids.size());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Kafka.unconsumed(pipeline.indexerGroup(), pipeline.topic("iterdef.events")) == 0
                            && Kafka.unconsumed(pipeline.indexerGroup(), pipeline.topic("iterdef.alerts")) == 0);

            assertThat(Elasticsearch.countTerms("events-*", "event.id", ids)).isEqualTo(ids.size());
            assertThat(Elasticsearch.countIds("alerts-*", load.alertIds())).isEqualTo(load.alertIds().size());
            assertThat(streams.log()).contains("Elasticsearch bulk failed");
            assertThat(shipper.failures()).as("the collector never refused the shipper").isZero();
        }
    }
}
