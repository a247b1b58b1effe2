package io.iterdef.stack.launcher;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where to look next after the demo's incidents: the scenario's events in the search page and the host's
 * timeline. The scenario's events carry their recorded times (days ago), so the links name that time range;
 * the search page's default (the last 24 hours) would show nothing.
 */
final class DemoLinks {

    static final Duration MARGIN = Duration.ofMinutes(5);

    private DemoLinks() {
    }

    static List<String> of(URI web, List<IncidentStore.Incident> incidents) {
        List<IncidentStore.Incident> timed = incidents.stream().filter(i -> i.firstSeen() != null && i.lastSeen() != null)
                .toList();
        if (timed.isEmpty()) {
            return List.of();
        }
        Instant from = timed.stream().map(IncidentStore.Incident::firstSeen).min(Instant::compareTo).orElseThrow()
                .minus(MARGIN).truncatedTo(ChronoUnit.MINUTES);
        Instant to = timed.stream().map(IncidentStore.Incident::lastSeen).max(Instant::compareTo).orElseThrow()
                .plus(MARGIN).truncatedTo(ChronoUnit.MINUTES);
        List<String> hosts = timed.stream().map(IncidentStore.Incident::hostName).filter(Objects::nonNull).distinct()
                .toList();
        List<String> lines = new ArrayList<>();
        String query = hosts.size() == 1 ? "&q=" + encode("host.name:\"" + hosts.get(0) + "\"") : "";
        lines.add("the scenario's events:  " + web.resolve("/search?from=" + from + "&to=" + to + query));
        for (String host : hosts) {
            Instant at = timed.stream().filter(i -> host.equals(i.hostName())).map(IncidentStore.Incident::firstSeen)
                    .min(Instant::compareTo).orElseThrow();
            lines.add("host timeline:          " + web.resolve("/hosts/" + encodePath(host) + "?at=" + at + "&minutes=15"));
        }
        return lines;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }
}
