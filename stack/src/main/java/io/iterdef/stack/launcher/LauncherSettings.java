package io.iterdef.stack.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the launcher itself reads from the environment (the services read the same ITERDEF_* variables themselves;
 * Kafka, Elasticsearch and PostgreSQL settings are read by StackConfig).
 *
 * @param home                   the repository root (system property iterdef.home, else the working directory)
 * @param adminPasswordOverride  ITERDEF_ADMIN_PASSWORD, or null when a generated one is to be used
 * @param agent                  the agent server's port, token, enrollment secret and TLS key store
 */
record LauncherSettings(Path home, Path dataDir, int webPort, int collectorPort, int httpPort, int syslogPort,
        String adminUser, String adminPasswordOverride, AgentSettings agent) {

    /** A collector port set to this is switched off (streams-app does not open it). */
    static final int OFF = -1;

    static final String SCENARIO = "sample-events/src/main/resources/scenarios/encoded-powershell-recon.ndjson";

    static LauncherSettings fromEnvironment() {
        return from(System.getenv(), System.getProperty("iterdef.home", System.getProperty("user.dir")));
    }

    static LauncherSettings from(Map<String, String> env, String homeDir) {
        Path home = Path.of(homeDir).toAbsolutePath().normalize();
        String data = env.get("ITERDEF_DATA_DIR");
        Path dataDir = isBlank(data) ? home.resolve("data") : home.resolve(data).toAbsolutePath().normalize();
        String password = env.get("ITERDEF_ADMIN_PASSWORD");
        return new LauncherSettings(home, dataDir,
                port(env, "ITERDEF_WEB_PORT", 8080),
                port(env, "ITERDEF_COLLECTOR_TCP_PORT", 5140),
                optionalPort(env, "ITERDEF_COLLECTOR_HTTP_PORT", 8088),
                optionalPort(env, "ITERDEF_COLLECTOR_SYSLOG_PORT", 5514),
                isBlank(env.get("ITERDEF_ADMIN_USER")) ? "admin" : env.get("ITERDEF_ADMIN_USER").trim(),
                isBlank(password) ? null : password,
                AgentSettings.from(env, home));
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    Path scenario() {
        return home.resolve(SCENARIO);
    }

    URI webUrl() {
        return URI.create("http://127.0.0.1:" + webPort + "/");
    }

    String collectorUrl() {
        return "tcp://127.0.0.1:" + collectorPort;
    }

    /** The collector's endpoints for the ready block, the switched-off ones left out. */
    String collectorEndpoints() {
        StringBuilder b = new StringBuilder(collectorUrl()).append(" (JSON lines, as NXLog om_tcp sends them)");
        if (httpPort != OFF) {
            b.append("\n                 http://127.0.0.1:").append(httpPort).append("/ingest (POST NDJSON, as om_http sends it)");
        }
        if (syslogPort != OFF) {
            b.append("\n                 syslog tcp+udp://127.0.0.1:").append(syslogPort);
        }
        return b.toString();
    }

    private static int optionalPort(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        return value != null && value.trim().equals(Integer.toString(OFF)) ? OFF : port(env, name, defaultPort);
    }

    static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (isBlank(value)) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a TCP port number (1-65535), not '" + value + "'");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
