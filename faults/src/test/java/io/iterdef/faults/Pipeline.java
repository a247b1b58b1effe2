package io.iterdef.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One test's pipeline on the fault stack: its own topic prefix, application id, indexer and web consumer groups,
 * data directories and free ports, so tests never see each other's records. Starts streams-app and incident-web
 * from their jars with the environment the launcher would give them.
 */
final class Pipeline {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String runId;
    final String prefix;
    final Path dir;
    final int collectorTcpPort;
    final int collectorHttpPort;
    final int webPort;
    private final Map<String, String> streamsOverrides = new HashMap<>();
    private int streamsStarts;
    private int webStarts;

    Pipeline(String test) {
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.prefix = "f-" + runId + ".";
        this.dir = FaultStack.dir().resolve("runs").resolve(test + "-" + runId);
        this.collectorTcpPort = freePort();
        this.collectorHttpPort = freePort();
        this.webPort = freePort();
    }

    String topic(String name) {
        return prefix + name;
    }

    String streamsApplicationId() {
        return "faults-streams-" + runId;
    }

    String indexerGroup() {
        return "faults-indexer-" + runId;
    }

    Pipeline withStreams(String name, String value) {
        streamsOverrides.put(name, value);
        return this;
    }

    Map<String, String> streamsEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ITERDEF_KAFKA", FaultStack.KAFKA);
        env.put("ITERDEF_ES_URL", FaultStack.ES_URL);
        env.put("ITERDEF_DB_URL", FaultStack.DB_URL);
        env.put("ITERDEF_TOPIC_PREFIX", prefix);
        env.put("ITERDEF_TOPIC_PARTITIONS", "3");
        env.put("ITERDEF_DATA_DIR", dir.resolve("streams-data").toString());
        env.put("ITERDEF_STREAMS_APPLICATION_ID", streamsApplicationId());
        env.put("ITERDEF_INDEXER_GROUP", indexerGroup());
        env.put("ITERDEF_COLLECTOR_BIND", "127.0.0.1");
        env.put("ITERDEF_COLLECTOR_TCP_PORT", Integer.toString(collectorTcpPort));
        env.put("ITERDEF_COLLECTOR_HTTP_PORT", Integer.toString(collectorHttpPort));
        env.put("ITERDEF_COLLECTOR_SYSLOG_PORT", "-1");
        // a crashed instance's tasks move on after 6 s, not 45; transactions commit every 200 ms
        env.put("ITERDEF_STREAMS_SESSION_TIMEOUT_MS", "6000");
        env.put("ITERDEF_STREAMS_COMMIT_MS", "200");
        env.putAll(streamsOverrides);
        return env;
    }

    Map<String, String> webEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("ITERDEF_KAFKA", FaultStack.KAFKA);
        env.put("ITERDEF_ES_URL", FaultStack.ES_URL);
        env.put("ITERDEF_DB_URL", FaultStack.DB_URL);
        env.put("ITERDEF_DB_USER", FaultStack.DB_USER);
        env.put("ITERDEF_DB_PASSWORD", "");
        env.put("ITERDEF_DATA_DIR", dir.resolve("web-data").toString());
        env.put("ITERDEF_WEB_PORT", Integer.toString(webPort));
        env.put("ITERDEF_ADMIN_USER", "admin");
        env.put("ITERDEF_ADMIN_PASSWORD", "faults-" + runId);
        env.put("ITERDEF_TOPIC_PARTITIONS", "3");
        env.put("ITERDEF_ESCALATION_ENABLED", "false");
        // the web app has no topic prefix variable: its properties, by Spring's relaxed binding
        env.put("ITERDEF_TOPICS_ALERTS", topic("iterdef.alerts"));
        env.put("ITERDEF_TOPIC_PREFIX", prefix);
        env.put("SPRING_KAFKA_CONSUMER_GROUPID", "faults-web-" + runId);
        return env;
    }

    /** Starts streams-app and waits for "streams app ready" (at most 120 s). */
    AppProcess startStreams() throws IOException {
        AppProcess app = AppProcess.streamsApp(streamsEnv(), dir.resolve("streams-app-" + (++streamsStarts) + ".log"));
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> app.logged("streams app ready"));
        } catch (RuntimeException e) {
            stopQuietly(app);
            throw e;
        }
        return app;
    }

    /** Starts incident-web and waits until its health endpoint answers UP (at most 180 s). */
    AppProcess startWeb() throws IOException {
        AppProcess web = AppProcess.incidentWeb(webEnv(), dir.resolve("incident-web-" + (++webStarts) + ".log"));
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> web.logged("Started") && webUp());
        } catch (RuntimeException e) {
            stopQuietly(web);
            throw e;
        }
        return web;
    }

    /** Starts the agent server (it consumes iterdef.tasks) and waits for "Started AgentServerApplication". */
    AppProcess startAgentServer() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("ITERDEF_KAFKA", FaultStack.KAFKA);
        env.put("ITERDEF_DB_URL", FaultStack.DB_URL);
        env.put("ITERDEF_DB_USER", FaultStack.DB_USER);
        env.put("ITERDEF_DB_PASSWORD", "");
        env.put("ITERDEF_TOPIC_PREFIX", prefix);
        env.put("ITERDEF_AGENT_PORT", Integer.toString(freePort()));
        env.put("ITERDEF_DATA_DIR", dir.resolve("agent-server-data").toString());
        AppProcess server = AppProcess.agentServer(env, dir.resolve("agent-server.log"));
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> server.logged("Started AgentServerApplication"));
        } catch (RuntimeException e) {
            stopQuietly(server);
            throw e;
        }
        return server;
    }

    boolean webUp() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort
                    + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void stopQuietly(AppProcess app) {
        try {
            app.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
