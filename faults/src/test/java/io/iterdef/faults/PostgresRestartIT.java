package io.iterdef.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.stack.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL restarts (stopped for 20 s) while alerts flow into incident-web: its listener retries the database
 * with back-off and commits an alert's offset only after the database commit, so afterwards every expected alert is
 * stored exactly once, nothing else is, no incident is doubled, and incident-web is healthy without a restart.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class PostgresRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresRestartIT.class);
    private static final int COPIES = 30;
    private static final int LINES_PER_SECOND = 15;

    @BeforeAll
    static void stack() {
        FaultStack.get();
    }

    @AfterAll
    static void restore() {
        FaultStack.get().start(Stack.Service.POSTGRES);
    }

    @Test
    void shouldStoreEveryAlertOnceWhenPostgresRestartsWhileAlertsFlow() throws Exception {
        Stack stack = FaultStack.get();
        Pipeline pipeline = new Pipeline("pg-restart");
        Load load = Load.of(pipeline.runId, COPIES);
        TcpShipper shipper = new TcpShipper(pipeline.collectorTcpPort, LINES_PER_SECOND);

        try (AppProcess web = pipeline.startWeb(); AppProcess streams = pipeline.startStreams()) {
            CompletableFuture<Void> sending = shipper.sendAsync(load.copies().stream().map(Load.Copy::lines).toList());
            Set<String> firstAlerts = Set.copyOf(load.copies().get(0).alerts().stream().map(a -> a.getId()).toList());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Database.alertIds(load.hosts()).containsAll(firstAlerts));
            LOG.info("restarting PostgreSQL while alerts flow");
            stack.stop(Stack.Service.POSTGRES);
            TcpShipper.sleep(Duration.ofSeconds(20));
            assertThat(web.isAlive()).isTrue();
            stack.start(Stack.Service.POSTGRES);

            sending.get(5, TimeUnit.MINUTES);
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Set.copyOf(Database.alertIds(load.hosts())).containsAll(load.alertIds()));
            TcpShipper.sleep(Duration.ofSeconds(3)); // anything extra would have arrived by now

            List<String> stored = Database.alertIds(load.hosts());
            assertThat(stored).as("every expected alert exactly once, and nothing else").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(load.alertIds());
            assertThat(Database.incidentKeys(load.hosts())).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(load.incidentKeys());
            assertThat(pipeline.webUp()).as("incident-web healthy after the restart").isTrue();
        }
    }
}
