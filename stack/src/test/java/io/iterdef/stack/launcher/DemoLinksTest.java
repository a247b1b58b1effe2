package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoLinksTest {

    private static final URI WEB = URI.create("http://127.0.0.1:8080/");

    @Test
    void shouldLinkTheScenariosTimeRangeAndHostWhenIncidentsShareOneHost() {
        List<String> lines = DemoLinks.of(WEB, List.of(
                new IncidentStore.Incident(1, "a", "fin-ws07.corp", Instant.parse("2026-11-17T09:15:11Z"),
                        Instant.parse("2026-11-17T09:15:11Z")),
                new IncidentStore.Incident(2, "b", "fin-ws07.corp", Instant.parse("2026-11-17T09:16:40Z"),
                        Instant.parse("2026-11-17T09:18:02Z"))));

        assertThat(lines).containsExactly(
                "the scenario's events:  http://127.0.0.1:8080/search?from=2026-11-17T09:10:00Z"
                        + "&to=2026-11-17T09:23:00Z&q=host.name%3A%22fin-ws07.corp%22",
                "host timeline:          http://127.0.0.1:8080/hosts/fin-ws07.corp?at=2026-11-17T09:15:11Z&minutes=15");
    }

    @Test
    void shouldSearchAllHostsWhenIncidentsAreOnSeveralHosts() {
        List<String> lines = DemoLinks.of(WEB, List.of(
                new IncidentStore.Incident(1, "a", "h1", Instant.parse("2026-11-17T09:15:00Z"),
                        Instant.parse("2026-11-17T09:15:00Z")),
                new IncidentStore.Incident(2, "b", "h2", Instant.parse("2026-11-17T09:16:00Z"),
                        Instant.parse("2026-11-17T09:16:00Z"))));

        assertThat(lines.get(0)).isEqualTo(
                "the scenario's events:  http://127.0.0.1:8080/search?from=2026-11-17T09:10:00Z&to=2026-11-17T09:21:00Z");
        assertThat(lines).hasSize(3);
    }

    @Test
    void shouldPrintNothingWithoutIncidents() {
        assertThat(DemoLinks.of(WEB, List.of())).isEmpty();
    }
}
