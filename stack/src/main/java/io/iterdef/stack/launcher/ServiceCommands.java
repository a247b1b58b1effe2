package io.iterdef.stack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the services are run: their command lines (from the built jars) and the environment they get. */
final class ServiceCommands {

    static final String STREAMS_APP = "streams-app";
    static final String INCIDENT_WEB = "incident-web";
    static final String AGENT_SERVER = "agent-server";
    static final String DEMO_AGENT = "demo-agent";
    private static final String AGENT_JAVA_OPTIONS = "-Xmx96m -XX:+ExitOnOutOfMemoryError";

    private ServiceCommands() {
    }

    static Path streamsAppJar(Path home) {
        return home.resolve("streams-app/target/streams-app.jar");
    }

    static Path incidentWebJar(Path home) {
        return home.resolve("incident-web/target/incident-web.jar");
    }

    static Path agentServerJar(Path home) {
        return home.resolve("agent-tasking/server/target/agent-server.jar");
    }

    /** The agent; its manifest puts target/lib/ (its dependencies) on the class path. */
    static Path agentJar(Path home) {
        return home.resolve("agent-tasking/agent/target/iterdef-agent.jar");
    }

    static List<String> streamsApp(Path home) {
        String classpath = streamsAppJar(home) + ":" + home.resolve("streams-app/target/lib") + "/*";
        return List.of(java(), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                "io.iterdef.streams.StreamsApp");
    }

    static List<String> incidentWeb(Path home) {
        return List.of(java(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", incidentWebJar(home).toString());
    }

    static List<String> agentServer(Path home) {
        return List.of(java(), "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-jar", agentServerJar(home).toString());
    }

    /**
     * The agent's launcher script (agent-tasking/agent/src/main/dist, copied next to the jar when it is packaged): it
     * runs the jar and starts it again after an agent.update (exit code 75).
     */
    static Path agentScript(Path home) {
        return home.resolve("agent-tasking/agent/target/iterdef-agent.sh");
    }

    /**
     * An agent process reading its configuration from properties (the agent's only argument): through its launcher
     * script when the build has one (so that an update restarts it), else the jar itself. Run it with
     * {@link #agentEnvironment()}.
     */
    static List<String> agent(Path home, Path properties) {
        Path script = agentScript(home);
        if (Files.isRegularFile(script)) {
            return List.of("/bin/sh", script.toString(), properties.toString());
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of(AGENT_JAVA_OPTIONS.split(" ")));
        command.addAll(List.of("-jar", agentJar(home).toString(), properties.toString()));
        return command;
    }

    /** For the agent's launcher script: the launcher's java and the agent's heap. */
    static Map<String, String> agentEnvironment() {
        return Map.of("JAVA", java(), "ITERDEF_AGENT_JAVA_OPTS", AGENT_JAVA_OPTIONS);
    }

    /** The jars the services need that are not there, as paths relative to home (empty when all are built). */
    static List<String> missingJars(Path home) {
        return List.of(streamsAppJar(home), incidentWebJar(home), agentServerJar(home), agentJar(home)).stream()
                .filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> home.relativize(jar).toString())
                .toList();
    }

    /**
     * What both services get on top of the launcher's own environment (so security settings such as
     * ITERDEF_KAFKA_SASL_MECHANISM pass through unchanged): where the stack is, the data dir, ports and the first
     * admin.
     */
    static Map<String, String> environment(Endpoints endpoints, LauncherSettings settings, AdminCredentials admin) {
        Map<String, String> env = new HashMap<>();
        env.put("ITERDEF_KAFKA", endpoints.kafkaBootstrap());
        env.put("ITERDEF_ES_URL", endpoints.elasticsearchUrl());
        env.put("ITERDEF_DB_URL", endpoints.jdbcUrl());
        env.put("ITERDEF_DB_USER", endpoints.dbUser());
        env.put("ITERDEF_DB_PASSWORD", endpoints.dbPassword() == null ? "" : endpoints.dbPassword());
        env.put("ITERDEF_DATA_DIR", settings.dataDir().toString());
        env.put("ITERDEF_WEB_PORT", Integer.toString(settings.webPort()));
        env.put("ITERDEF_COLLECTOR_TCP_PORT", Integer.toString(settings.collectorPort()));
        env.put("ITERDEF_ADMIN_USER", admin.user());
        env.put("ITERDEF_ADMIN_PASSWORD", admin.password());
        return env;
    }

    /**
     * What incident-web and the agent server get on top of {@link #environment}: the agent server's port, where its
     * admin API is, the admin token and the CA that signed its certificate (when the server generates it; with a key
     * store of one's own an ITERDEF_AGENT_SERVER_CA of the launcher's environment passes through unchanged).
     */
    static Map<String, String> agentApiEnvironment(LauncherSettings settings, AgentSecrets secrets) {
        AgentSettings agent = settings.agent();
        Map<String, String> env = new HashMap<>();
        env.put("ITERDEF_AGENT_PORT", Integer.toString(agent.port()));
        env.put("ITERDEF_AGENT_ADMIN_URL", agent.apiUrl().toString());
        env.put("ITERDEF_AGENT_ADMIN_TOKEN", secrets.adminToken());
        if (agent.generatedTls()) {
            env.put("ITERDEF_AGENT_SERVER_CA", agent.caCertificate(settings.dataDir()).toString());
        }
        return env;
    }

    /** The agent server's environment: the stack's, the agent API's, and the enrollment secret (only it needs that). */
    static Map<String, String> agentServerEnvironment(Map<String, String> base, LauncherSettings settings,
            AgentSecrets secrets) {
        Map<String, String> env = new HashMap<>(base);
        env.remove("ITERDEF_ADMIN_PASSWORD"); // incident-web's first login is none of its business
        env.putAll(agentApiEnvironment(settings, secrets));
        env.put("ITERDEF_AGENT_ENROLLMENT_SECRET", secrets.enrollmentSecret());
        return env;
    }

    /** incident-web's environment: the stack's and the agent API's. */
    static Map<String, String> webEnvironment(Map<String, String> base, LauncherSettings settings,
            AgentSecrets secrets) {
        Map<String, String> env = new HashMap<>(base);
        env.putAll(agentApiEnvironment(settings, secrets));
        return env;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
