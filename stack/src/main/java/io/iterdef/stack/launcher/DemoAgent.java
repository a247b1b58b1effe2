package io.iterdef.stack.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The demo's local agent: configured for this agent server, started as a child process, enrolled by itself. */
final class DemoAgent {

    static final String HOST_NAME = "demo-agent.local";
    static final String LABELS = "demo=true";
    /** The agent's identity file in its state dir (agent id and credential). */
    static final String IDENTITY_FILE = "identity.properties";
    static final Duration ENROLL_TIMEOUT = Duration.ofSeconds(90);
    static final Duration POLL = Duration.ofSeconds(1);

    private DemoAgent() {
    }

    /** Its directory in the data dir: agent.properties and state/ (its identity). */
    static Path dir(LauncherSettings settings) {
        return settings.dataDir().resolve(ServiceCommands.DEMO_AGENT);
    }

    /** The configuration the demo agent runs with: the agent API on 127.0.0.1, host.name demo-agent.local. */
    static AgentProperties properties(LauncherSettings settings, AgentAccess access) {
        return new AgentProperties(settings.agent().apiUrl(), access.fingerprint(), access.secrets().enrollmentSecret(),
                dir(settings).resolve("state"), HOST_NAME, LABELS);
    }

    /** True when the demo agent kept an identity from an earlier run (it then polls with it, or re-enrolls). */
    static boolean hasIdentity(LauncherSettings settings) {
        return Files.isRegularFile(dir(settings).resolve("state").resolve(IDENTITY_FILE));
    }

    /** Writes its configuration; returns the command that runs it. */
    static List<String> configure(LauncherSettings settings, AgentAccess access) throws IOException {
        Path file = dir(settings).resolve(AgentAccess.PROPERTIES_FILE);
        properties(settings, access).write(file, "The demo agent's configuration, written by ./iterdef demo.");
        return ServiceCommands.agent(settings.home(), file);
    }

    /**
     * An earlier demo agent whose identity is gone (data dir deleted, database kept) still holds demo-agent.local, and
     * the server refuses a second claim: revokes it (the name belongs to the demo). Returns the revoked agent's id.
     */
    static Optional<String> releaseHostName(AgentStore agents, AgentAdminClient admin)
            throws IOException, InterruptedException {
        Optional<AgentStore.EnrolledAgent> stale = agents.byHostname(HOST_NAME);
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        admin.revoke(stale.get().id());
        return Optional.of(stale.get().id());
    }

    /** Waits until the agent has enrolled and polled once; empty after the timeout. */
    static Optional<AgentStore.EnrolledAgent> awaitEnrolled(AgentStore agents, Session session)
            throws LaunchException, InterruptedException {
        long deadline = System.nanoTime() + ENROLL_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            session.checkServices();
            Optional<AgentStore.EnrolledAgent> agent = agents.byHostname(HOST_NAME);
            if (agent.isPresent() && agent.get().seen()) {
                return agent;
            }
            Thread.sleep(POLL.toMillis());
        }
        return Optional.empty();
    }
}
