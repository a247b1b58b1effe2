package io.iterdef.streams.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bootstrap servers and the security settings every Kafka client of the app shares (producer, consumer,
 * admin, Kafka Streams). {@link #toString()} never prints the password.
 */
public record KafkaClientConfig(String bootstrapServers, String securityProtocol, String saslMechanism,
        String username, String password, String truststore, String truststorePassword) {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    public KafkaClientConfig {
        securityProtocol = securityProtocol.toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException("ITERDEF_KAFKA_SECURITY_PROTOCOL must be one of " + PROTOCOLS
                    + ": " + securityProtocol);
        }
        if (isSasl(securityProtocol)) {
            saslMechanism = saslMechanism == null ? "PLAIN" : saslMechanism.toUpperCase(Locale.ROOT);
            if (!MECHANISMS.contains(saslMechanism)) {
                throw new IllegalArgumentException("ITERDEF_KAFKA_SASL_MECHANISM must be one of " + MECHANISMS
                        + ": " + saslMechanism);
            }
            if (username == null || password == null) {
                throw new IllegalArgumentException(
                        "ITERDEF_KAFKA_USERNAME and ITERDEF_KAFKA_PASSWORD are required with " + securityProtocol);
            }
        }
    }

    public static KafkaClientConfig fromMap(Map<String, String> env) {
        Env e = new Env(env);
        return new KafkaClientConfig(
                e.get("ITERDEF_KAFKA", "127.0.0.1:9092"),
                e.get("ITERDEF_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT"),
                e.get("ITERDEF_KAFKA_SASL_MECHANISM", null),
                e.get("ITERDEF_KAFKA_USERNAME", null),
                e.get("ITERDEF_KAFKA_PASSWORD", null),
                e.get("ITERDEF_KAFKA_TRUSTSTORE", null),
                e.get("ITERDEF_KAFKA_TRUSTSTORE_PASSWORD", null));
    }

    /** The properties common to all clients: bootstrap.servers, security.protocol, SASL and TLS. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("security.protocol", securityProtocol);
        if (isSasl(securityProtocol)) {
            p.put("sasl.mechanism", saslMechanism);
            String module = "PLAIN".equals(saslMechanism)
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            p.put("sasl.jaas.config", module + " required username=\"" + jaasQuote(username)
                    + "\" password=\"" + jaasQuote(password) + "\";");
        }
        if (truststore != null) {
            p.put("ssl.truststore.location", truststore);
            if (truststorePassword != null) {
                p.put("ssl.truststore.password", truststorePassword);
            }
        }
        return p;
    }

    private static boolean isSasl(String protocol) {
        return protocol.startsWith("SASL_");
    }

    private static String jaasQuote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaClientConfig[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", username=" + username + ", truststore=" + truststore + "]";
    }
}
