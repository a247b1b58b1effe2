package io.iterdef.stack.launcher;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./iterdef up|demo}: starts the stack (Kafka, Elasticsearch, PostgreSQL, or the configured external ones),
 * then streams-app, incident-web and the agent server as child processes, prints where everything is, and keeps them
 * running until Ctrl-C, which stops everything it started. {@code demo} also starts a local agent, replays an attack
 * scenario and waits for its incident.
 */
public final class Launcher {

    static final Duration STREAMS_READY_TIMEOUT = Duration.ofMinutes(3);
    static final Duration WEB_READY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration AGENT_SERVER_READY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration STOP_GRACE = Duration.ofSeconds(20);
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final Terminal terminal;
    private final LauncherSettings settings;
    private final Session session;

    Launcher(Terminal terminal, LauncherSettings settings) {
        this.terminal = terminal;
        this.settings = settings;
        this.session = new Session(terminal, STOP_GRACE);
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up", "demo" -> System.exit(launch("demo".equals(command)));
            case "help", "-h", "--help" -> usage(System.out);
            default -> {
                System.err.println("unknown command '" + command + "'");
                usage(System.err);
                System.exit(2);
            }
        }
    }

    static void usage(PrintStream out) {
        out.println("usage: Launcher up|demo|help   (normally run through ./iterdef)");
        out.println("  up    start the stack, streams-app, incident-web and the agent server; Ctrl-C stops everything");
        out.println("  demo  the same, then start a local agent, replay " + LauncherSettings.SCENARIO
                + " and wait for its incident");
    }

    private static int launch(boolean demo) {
        quietLibraryLogging();
        Terminal terminal = Terminal.system();
        LauncherSettings settings;
        try {
            settings = LauncherSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            terminal.error(e.getMessage());
            return 2;
        }
        Launcher launcher = new Launcher(terminal, settings);
        // Ctrl-C / kill: stop in order (services, then the stack), then exit; the hook covers any other way out.
        SignalTrap.install(List.of("INT"), () -> {
            launcher.session.stop();
            System.exit(130);
        });
        SignalTrap.install(List.of("TERM"), () -> {
            launcher.session.stop();
            System.exit(143);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(launcher.session::stop, "iterdef-stop"));
        try {
            launcher.run(demo);
            return 0;
        } catch (LaunchException e) {
            terminal.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            terminal.error("start failed: " + e.getMessage());
        }
        launcher.session.stop();
        return 1;
    }

    /** Kafka's and zonky's INFO lines would bury the launcher's own output (an explicit -D setting wins). */
    private static void quietLibraryLogging() {
        for (String logger : List.of("org.apache.kafka", "io.zonky")) {
            String property = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(property) == null) {
                System.setProperty(property, "warn");
            }
        }
    }

    /** Starts everything and watches the services until the JVM is asked to stop (or one of them dies). */
    void run(boolean demo) throws Exception {
        checkBeforeStart();
        AdminCredentials admin = AdminCredentials.resolve(settings);
        AgentSecrets agentSecrets = AgentSecrets.resolve(settings);
        terminal.println("starting Kafka, Elasticsearch and PostgreSQL (data in " + settings.dataDir() + ")...");
        session.starting();
        Stack stack = Stack.start(StackConfig.fromEnvironment());
        session.stack(stack);
        Endpoints endpoints = Endpoints.of(stack);

        terminal.println("starting streams-app, incident-web and the agent server (logs in " + settings.logDir()
                + ")...");
        var env = ServiceCommands.environment(endpoints, settings, admin);
        ServiceProcess streams = start(ServiceCommands.STREAMS_APP, ServiceCommands.streamsApp(settings.home()), env);
        ServiceProcess web = start(ServiceCommands.INCIDENT_WEB, ServiceCommands.incidentWeb(settings.home()),
                ServiceCommands.webEnvironment(env, settings, agentSecrets));
        ServiceProcess agentServer = start(ServiceCommands.AGENT_SERVER, ServiceCommands.agentServer(settings.home()),
                ServiceCommands.agentServerEnvironment(env, settings, agentSecrets));
        awaitReady(streams, ReadyCheck.tcpPort("127.0.0.1", settings.collectorPort()), STREAMS_READY_TIMEOUT,
                "collector port " + settings.collectorPort());
        awaitReady(web, ReadyCheck.httpOk(settings.webUrl().resolve("/login")), WEB_READY_TIMEOUT,
                "GET " + settings.webUrl().resolve("/login"));
        awaitReady(agentServer, new AgentServerCheck(settings.agent(), settings.dataDir(), agentSecrets.adminToken()),
                AGENT_SERVER_READY_TIMEOUT, "HTTPS " + settings.agent().apiUrl());
        AgentAccess agents = AgentAccess.prepare(settings, agentSecrets);

        terminal.println(ReadyBlock.render(settings, endpoints, admin, agents));
        session.monitor(new StatusMonitor(terminal, new StatusProbe(endpoints, streams, web, agentServer)).start());
        if (demo) {
            startDemoAgent(endpoints, agents);
            new DemoScenario(terminal, settings, endpoints, session).run();
        }
        while (true) {
            session.checkServices();
            Thread.sleep(WATCH_INTERVAL.toMillis());
        }
    }

    /** Starts the demo's local agent and waits for it to enroll; a failure is reported, the demo goes on. */
    private void startDemoAgent(Endpoints endpoints, AgentAccess agents) throws Exception {
        try (AgentStore store = new AgentStore(endpoints.jdbcUrl(), endpoints.dbUser(), endpoints.dbPassword())) {
            if (!DemoAgent.hasIdentity(settings)) {
                releaseDemoHostName(store, agents);
            }
            ServiceProcess agent = start(ServiceCommands.DEMO_AGENT, DemoAgent.configure(settings, agents),
                    ServiceCommands.agentEnvironment());
            DemoAgent.awaitEnrolled(store, session).ifPresentOrElse(
                    enrolled -> terminal.println("demo agent enrolled: " + enrolled.hostname() + " (agent "
                            + enrolled.id() + ") -> " + settings.webUrl().resolve("/agents")),
                    () -> terminal.error("the demo agent " + DemoAgent.HOST_NAME + " has not enrolled within "
                            + DemoAgent.ENROLL_TIMEOUT.toSeconds() + " s. Iterdef keeps running.\n"
                            + "What to do: read " + agent.log() + " and " + settings.logDir().resolve(
                                    ServiceCommands.AGENT_SERVER + ".log")));
        }
    }

    /** Revokes an earlier demo agent that lost its identity (see DemoAgent.releaseHostName); reports, never fails. */
    private void releaseDemoHostName(AgentStore store, AgentAccess agents) throws InterruptedException {
        try {
            DemoAgent.releaseHostName(store, new AgentAdminClient(agents.apiUrl(), agents.fingerprint(),
                    agents.secrets().adminToken())).ifPresent(id -> terminal.println("revoked the earlier demo agent "
                            + id + " (its identity in " + DemoAgent.dir(settings) + " is gone), so that the new one"
                            + " can enroll as " + DemoAgent.HOST_NAME));
        } catch (java.io.IOException e) {
            terminal.error("cannot revoke the earlier demo agent: " + e.getMessage()
                    + "\nWhat to do: revoke it on " + settings.webUrl().resolve("/agents")
                    + ", else the new demo agent cannot enroll as " + DemoAgent.HOST_NAME);
        }
    }

    private void checkBeforeStart() throws LaunchException {
        List<String> missing = ServiceCommands.missingJars(settings.home());
        if (!missing.isEmpty()) {
            throw new LaunchException("not built: " + String.join(", ", missing) + " (in " + settings.home() + ")\n"
                    + "What to do: run ./iterdef up (it builds), or mvn -B -DskipTests install");
        }
        portFree(settings.collectorPort(), "the collector", "ITERDEF_COLLECTOR_TCP_PORT");
        if (settings.httpPort() != LauncherSettings.OFF) {
            portFree(settings.httpPort(), "the HTTP collector", "ITERDEF_COLLECTOR_HTTP_PORT");
        }
        if (settings.syslogPort() != LauncherSettings.OFF) {
            portFree(settings.syslogPort(), "the syslog collector", "ITERDEF_COLLECTOR_SYSLOG_PORT");
        }
        portFree(settings.webPort(), "incident-web", "ITERDEF_WEB_PORT");
        portFree(settings.agent().port(), "the agent server", "ITERDEF_AGENT_PORT");
    }

    private static void portFree(int port, String what, String variable) throws LaunchException {
        if (ReadyCheck.tcpPort("127.0.0.1", port).isReady()) {
            throw new LaunchException("port " + port + " (" + what + ") is already in use on 127.0.0.1\n"
                    + "What to do: stop what listens there (another Iterdef? see: ss -ltnp 'sport = :" + port + "'),"
                    + " or set " + variable + " to a free port");
        }
    }

    private ServiceProcess start(String name, List<String> command, Map<String, String> env)
            throws IOException {
        Path log = settings.logDir().resolve(name + ".log");
        if (Files.exists(log)) {
            Files.move(log, settings.logDir().resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        ServiceProcess service = ServiceProcess.start(name, command, env, settings.home(), log);
        session.add(service);
        return service;
    }

    private void awaitReady(ServiceProcess service, ReadyCheck check, Duration timeout, String what)
            throws LaunchException, InterruptedException {
        ServiceProcess.Readiness readiness = service.waitReady(check, timeout);
        switch (readiness) {
            case READY -> terminal.println(service.name() + " is ready (" + what + ")");
            case EXITED -> throw LaunchException.of(service,
                    service.name() + " exited while starting (exit code " + service.exitCode() + ")",
                    "fix the cause shown in its log, then start Iterdef again");
            case TIMED_OUT -> throw LaunchException.of(service,
                    service.name() + " was not ready (" + what + ") within " + timeout.toSeconds() + " s",
                    "read its log; on a slow machine start again (the second start is faster)");
        }
    }

    static URI incidentUrl(LauncherSettings settings, long id) {
        return settings.webUrl().resolve("/incidents/" + id);
    }
}
