package io.iterdef.stack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How the two services are run: their command lines (from the built jars) and the environment they get. */
final class ServiceCommands {

    static final String STREAMS_APP = "streams-app";
    static final String INCIDENT_WEB = "incident-web";

    private ServiceCommands() {
    }

    static Path streamsAppJar(Path home) {
        return home.resolve("streams-app/target/streams-app.jar");
    }

    static Path incidentWebJar(Path home) {
        return home.resolve("incident-web/target/incident-web.jar");
    }

    static List<String> streamsApp(Path home) {
        String classpath = streamsAppJar(home) + ":" + home.resolve("streams-app/target/lib") + "/*";
        return List.of(java(), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                "io.iterdef.streams.StreamsApp");
    }

    static List<String> incidentWeb(Path home) {
        return List.of(java(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", incidentWebJar(home).toString());
    }

    /** The jars the two services need that are not there, as paths relative to home (empty when all are built). */
    static List<String> missingJars(Path home) {
        return List.of(streamsAppJar(home), incidentWebJar(home)).stream()
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

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
