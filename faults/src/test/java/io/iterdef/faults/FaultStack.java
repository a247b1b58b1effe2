package io.iterdef.faults;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The fault ITs' own stack, started once per JVM on ports nobody else uses (the demo, the other ITs and the lead's CI
 * use 9092/9093/9200/5432): Kafka 127.0.0.1:19092 (controller 19093), Elasticsearch 19200 (transport 19300),
 * PostgreSQL 15432, data under {@code faults/target/faults/stack}. The tests stop and start its services, so it must
 * be this JVM's own: a service found already running on its port (a leftover of a killed build) is refused.
 */
final class FaultStack {
    static final String KAFKA = "127.0.0.1:19092";
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final String ES_URL = "http://127.0.0.1:19200";
    static final String DB_URL = "jdbc:postgresql://127.0.0.1:15432/iterdef";
    static final String DB_USER = "postgres";

    private static Stack stack;

    private FaultStack() {
    }

    /** Starts the stack on first use (closed by its JVM shutdown hook); every service started here. */
    static synchronized Stack get() {
        if (stack == null) {
            Stack s = Stack.start(config());
            if (s.startedServices().size() != Stack.Service.values().length) {
                s.close();
                throw new IllegalStateException("the fault ITs need their own Kafka, Elasticsearch and PostgreSQL on "
                        + KAFKA + ", " + ES_URL + ", " + DB_URL + " but found some already running (started here: "
                        + s.startedServices() + "); stop the leftover processes on those ports");
            }
            stack = s;
        }
        return stack;
    }

    static StackConfig config() {
        return new StackConfig(KAFKA, false, KAFKA_CONTROLLER_PORT, Map.of(), ES_URL, false, null, DB_URL, false, DB_USER,
                "", dir().resolve("stack"), Duration.ofSeconds(180));
    }

    /** {@code faults/target/faults}: the stack's data and every run's logs and data directories. */
    static Path dir() {
        return Path.of(System.getProperty("iterdef.faults.dir", "target/faults")).toAbsolutePath().normalize();
    }

    /** The checkout's root, where streams-app/target and incident-web/target are. */
    static Path home() {
        return Path.of(System.getProperty("iterdef.home", "..")).toAbsolutePath().normalize();
    }
}
