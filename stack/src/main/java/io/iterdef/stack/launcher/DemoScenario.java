package io.iterdef.stack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The demo's part after start: replays the attack scenario through the collector and waits for its incident. */
final class DemoScenario {

    static final Duration INCIDENT_TIMEOUT = Duration.ofMinutes(3);
    static final Duration POLL = Duration.ofSeconds(2);
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final int MAX_LISTED = 10;
    static final Duration REPLAY_CLOSE_WAIT = Duration.ofSeconds(30);

    private final Terminal terminal;
    private final LauncherSettings settings;
    private final Endpoints endpoints;
    private final Session session;

    DemoScenario(Terminal terminal, LauncherSettings settings, Endpoints endpoints, Session session) {
        this.terminal = terminal;
        this.settings = settings;
        this.endpoints = endpoints;
        this.session = session;
    }

    void run() throws Exception {
        Path scenario = settings.scenario();
        if (!Files.isRegularFile(scenario)) {
            throw new LaunchException("the demo scenario is missing: " + scenario + "\n"
                    + "What to do: restore it (git checkout -- " + LauncherSettings.SCENARIO + ")");
        }
        try (IncidentStore incidents = new IncidentStore(endpoints.jdbcUrl(), endpoints.dbUser(),
                endpoints.dbPassword())) {
            long before = incidents.count().orElse(0);
            long lastIdBefore = incidents.maxId();
            int sent = TcpReplay.replay(scenario, "127.0.0.1", settings.collectorPort(), REPLAY_CLOSE_WAIT);
            terminal.println("replayed " + sent + " events of " + settings.home().relativize(scenario) + " into "
                    + settings.collectorUrl());
            if (before > 0) {
                // alert ids are deterministic and incidents idempotent on them: a second replay adds no incident
                report("incident (from an earlier run; replaying the same events adds none): ",
                        incidents.createdAfter(0, MAX_LISTED));
                return;
            }
            terminal.println("waiting for the incident...");
            long deadline = System.nanoTime() + INCIDENT_TIMEOUT.toNanos();
            long seen = 0;
            long stableSince = 0;
            while (System.nanoTime() - deadline < 0) {
                session.checkServices();
                long count = incidents.count().orElse(0);
                if (count != seen) {
                    seen = count;
                    stableSince = System.nanoTime();
                } else if (count > 0 && System.nanoTime() - stableSince >= SETTLE.toNanos()) {
                    // the scenario's other detections land within moments of the first
                    report("incident created: ", incidents.createdAfter(lastIdBefore, MAX_LISTED));
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
            if (seen > 0) {
                report("incident created: ", incidents.createdAfter(lastIdBefore, MAX_LISTED));
                return;
            }
        }
        terminal.error("no incident after " + INCIDENT_TIMEOUT.toMinutes() + " min: the events went into the"
                + " collector but no alert became an incident. Iterdef keeps running (Ctrl-C stops it).\n"
                + "What to do: read " + settings.logDir().resolve("streams-app.log") + " and "
                + settings.logDir().resolve("incident-web.log") + "; events in Elasticsearch: "
                + endpoints.elasticsearchUrl() + "/events-*/_count");
    }

    private void report(String prefix, List<IncidentStore.Incident> incidents) {
        incidents.forEach(incident -> terminal.println(prefix + incident.title() + " -> "
                + Launcher.incidentUrl(settings, incident.id())));
        DemoLinks.of(settings.webUrl(), incidents).forEach(terminal::println);
    }
}
