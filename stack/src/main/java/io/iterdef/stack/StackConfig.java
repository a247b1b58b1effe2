package io.iterdef.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the three services are and whether this process may start them.
 *
 * <p>A service whose variable ({@code ITERDEF_KAFKA}, {@code ITERDEF_ES_URL}, {@code ITERDEF_DB_URL}) is set is
 * <em>external</em>: it is never started, only waited for. Otherwise the embedded default runs on 127.0.0.1 with
 * its data under {@code dataDir}.
 *
 * @param kafkaBootstrap bootstrap servers
 * @param kafkaExternal true when ITERDEF_KAFKA is set
 * @param kafkaControllerPort KRaft controller port of the embedded broker
 * @param kafkaClientProperties security settings for clients (security.protocol, sasl.*, ssl.truststore.*)
 * @param elasticsearchUrl base URL without trailing slash
 * @param elasticsearchExternal true when ITERDEF_ES_URL is set
 * @param elasticsearchAuthorization value of the Authorization header, or null
 * @param jdbcUrl JDBC URL of the iterdef database
 * @param databaseExternal true when ITERDEF_DB_URL is set
 * @param dbUser database user
 * @param dbPassword database password (may be empty)
 * @param dataDir absolute directory for embedded service data and logs
 * @param startTimeout how long to wait for each service to become healthy
 */
public record StackConfig(
        String kafkaBootstrap,
        boolean kafkaExternal,
        int kafkaControllerPort,
        Map<String, String> kafkaClientProperties,
        String elasticsearchUrl,
        boolean elasticsearchExternal,
        String elasticsearchAuthorization,
        String jdbcUrl,
        boolean databaseExternal,
        String dbUser,
        String dbPassword,
        Path dataDir,
        Duration startTimeout) {

    public static final String DEFAULT_KAFKA = "127.0.0.1:9092";
    public static final String DEFAULT_ES_URL = "http://127.0.0.1:9200";
    public static final String DEFAULT_DB_URL = "jdbc:postgresql://127.0.0.1:5432/iterdef";
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    public StackConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dbUser, "dbUser");
        dbPassword = dbPassword == null ? "" : dbPassword;
        kafkaClientProperties = Map.copyOf(kafkaClientProperties == null ? Map.of() : kafkaClientProperties);
        elasticsearchUrl = stripTrailingSlash(elasticsearchUrl);
        dataDir = dataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    /** Reads the ITERDEF_* environment variables. */
    public static StackConfig fromEnvironment() {
        return fromMap(System.getenv());
    }

    /** Reads ITERDEF_* settings from a map with the environment's names (for tests). */
    public static StackConfig fromMap(Map<String, String> env) {
        String kafka = blankToNull(env.get("ITERDEF_KAFKA"));
        String es = blankToNull(env.get("ITERDEF_ES_URL"));
        String db = blankToNull(env.get("ITERDEF_DB_URL"));
        String dataDir = blankToNull(env.get("ITERDEF_DATA_DIR"));
        String controllerPort = blankToNull(env.get("ITERDEF_KAFKA_CONTROLLER_PORT"));
        String timeout = blankToNull(env.get("ITERDEF_STACK_START_TIMEOUT"));
        return new StackConfig(
                kafka == null ? DEFAULT_KAFKA : kafka,
                kafka != null,
                controllerPort == null ? DEFAULT_KAFKA_CONTROLLER_PORT : parseInt("ITERDEF_KAFKA_CONTROLLER_PORT", controllerPort),
                KafkaClientSettings.fromMap(env),
                es == null ? DEFAULT_ES_URL : es,
                es != null,
                elasticsearchAuthorization(env),
                db == null ? DEFAULT_DB_URL : db,
                db != null,
                valueOr(env, "ITERDEF_DB_USER", "postgres"),
                valueOr(env, "ITERDEF_DB_PASSWORD", ""),
                Path.of(dataDir == null ? "data" : dataDir),
                timeout == null ? DEFAULT_START_TIMEOUT : Duration.ofSeconds(parseInt("ITERDEF_STACK_START_TIMEOUT", timeout)));
    }

    /** A copy with another data directory (used by the JUnit extension to keep test data apart from the demo's). */
    public StackConfig withDataDir(Path dir) {
        return new StackConfig(kafkaBootstrap, kafkaExternal, kafkaControllerPort, kafkaClientProperties,
                elasticsearchUrl, elasticsearchExternal, elasticsearchAuthorization, jdbcUrl, databaseExternal,
                dbUser, dbPassword, dir, startTimeout);
    }

    /** Port of the first bootstrap server. */
    public int kafkaPort() {
        String first = kafkaBootstrap.split(",")[0].trim();
        return parseInt("ITERDEF_KAFKA", first.substring(first.lastIndexOf(':') + 1));
    }

    public int elasticsearchPort() {
        URI uri = URI.create(elasticsearchUrl);
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Port of the JDBC URL ({@code jdbc:postgresql://host:port/db}), 5432 when absent. */
    public int databasePort() {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return uri.getPort() > 0 ? uri.getPort() : 5432;
    }

    /** Database name of the JDBC URL. */
    public String databaseName() {
        String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
        return path == null || path.length() <= 1 ? "postgres" : path.substring(1);
    }

    private static String elasticsearchAuthorization(Map<String, String> env) {
        String apiKey = blankToNull(env.get("ITERDEF_ES_API_KEY"));
        if (apiKey != null) {
            return "ApiKey " + apiKey;
        }
        String user = blankToNull(env.get("ITERDEF_ES_USERNAME"));
        if (user != null) {
            String pair = user + ":" + valueOr(env, "ITERDEF_ES_PASSWORD", "");
            return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return null;
    }

    static String valueOr(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null ? fallback : v;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + value + "'", e);
        }
    }

    private static String stripTrailingSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Kafka client security settings from ITERDEF_KAFKA_* variables. */
    static final class KafkaClientSettings {
        private KafkaClientSettings() {
        }

        static Map<String, String> fromMap(Map<String, String> env) {
            Map<String, String> props = new LinkedHashMap<>();
            String protocol = valueOr(env, "ITERDEF_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT").trim().toUpperCase(java.util.Locale.ROOT);
            if (protocol.isEmpty() || protocol.equals("PLAINTEXT")) {
                return props;
            }
            props.put("security.protocol", protocol);
            if (protocol.startsWith("SASL")) {
                String mechanism = valueOr(env, "ITERDEF_KAFKA_SASL_MECHANISM", "PLAIN").trim().toUpperCase(java.util.Locale.ROOT);
                props.put("sasl.mechanism", mechanism);
                String module = mechanism.startsWith("SCRAM")
                        ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                        : "org.apache.kafka.common.security.plain.PlainLoginModule";
                props.put("sasl.jaas.config", module + " required username=\"" + jaasEscape(valueOr(env, "ITERDEF_KAFKA_USERNAME", ""))
                        + "\" password=\"" + jaasEscape(valueOr(env, "ITERDEF_KAFKA_PASSWORD", "")) + "\";");
            }
            String truststore = blankToNull(env.get("ITERDEF_KAFKA_TRUSTSTORE"));
            if (truststore != null) {
                props.put("ssl.truststore.location", truststore);
                String password = env.get("ITERDEF_KAFKA_TRUSTSTORE_PASSWORD");
                if (password != null) {
                    props.put("ssl.truststore.password", password);
                }
            }
            return props;
        }

        private static String jaasEscape(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
