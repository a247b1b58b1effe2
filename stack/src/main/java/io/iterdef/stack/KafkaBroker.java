package io.iterdef.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node KRaft broker (combined broker + controller) in a subprocess, data under dataDir/kafka. */
final class KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String HOST = "127.0.0.1";

    private KafkaBroker() {
    }

    /** Returns the process it started, or null when Kafka is external or already running on the port. */
    static ChildProcess start(StackConfig cfg, Consumer<AutoCloseable> register) {
        int port = cfg.kafkaPort();
        Path log = cfg.dataDir().resolve("logs").resolve("kafka.log");
        if (cfg.kafkaExternal()) {
            LOG.info("Kafka is external ({}): waiting for it", cfg.kafkaBootstrap());
            awaitExisting(cfg, "ITERDEF_KAFKA is set, so Kafka at " + cfg.kafkaBootstrap() + " is external",
                    "start that Kafka, or check ITERDEF_KAFKA and the ITERDEF_KAFKA_* security settings.");
            return null;
        }
        if (Health.portOpen(HOST, port)) {
            LOG.info("Port {} is in use: reusing the Kafka broker there", port);
            awaitExisting(cfg, "Port " + port + " is in use but no healthy Kafka broker answers there",
                    "stop whatever listens on port " + port + ", or set ITERDEF_KAFKA to an existing broker.");
            return null;
        }
        try {
            Path dir = cfg.dataDir().resolve("kafka");
            Path logDirs = dir.resolve("data");
            Files.createDirectories(logDirs);
            Path props = dir.resolve("server.properties");
            Files.writeString(props, serverProperties(port, cfg.kafkaControllerPort(), logDirs), StandardCharsets.UTF_8);
            String classpath = KafkaClasspath.resolve();
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                format(classpath, props, dir, log);
            }
            ChildProcess broker = ChildProcess.start("Kafka broker", command(classpath, props), dir, Map.of(), log);
            register.accept(broker);
            String clusterId = clusterId(logDirs);
            // Ours only: a broker that another process started on the port meanwhile has another cluster id.
            Wait.Outcome outcome = Wait.until(() -> broker.isAlive() && Health.portOpen(HOST, port)
                    && clusterId.equals(Health.kafkaClusterId(cfg.kafkaBootstrap(), Map.of())), broker::isAlive, cfg.startTimeout());
            if (outcome != Wait.Outcome.READY) {
                broker.close();
                throw StackStartException.of(
                        "Kafka broker on " + HOST + ":" + port + (outcome == Wait.Outcome.DIED ? " exited during startup"
                                : " did not become healthy within " + cfg.startTimeout().toSeconds() + "s")
                                + (Health.portOpen(HOST, port) ? " (something else answers on port " + port
                                        + ": another process may have started a broker at the same time)" : ""),
                        "check that ports " + port + " and " + cfg.kafkaControllerPort() + " are free (ITERDEF_KAFKA_CONTROLLER_PORT"
                                + " moves the controller); if the data is damaged, stop everything and delete " + dir
                                + "; or set ITERDEF_KAFKA to use an existing broker.",
                        log, null);
            }
            LOG.info("Kafka broker ready on {}:{}", HOST, port);
            return broker;
        } catch (IOException e) {
            throw StackStartException.of("Could not start the Kafka broker: " + e, "check that " + cfg.dataDir() + " is writable.", log, e);
        }
    }

    private static void awaitExisting(StackConfig cfg, String what, String hint) {
        if (Wait.until(() -> Health.kafka(cfg.kafkaBootstrap(), cfg.kafkaClientProperties()), () -> true, cfg.startTimeout())
                != Wait.Outcome.READY) {
            throw StackStartException.of(what + " (waited " + cfg.startTimeout().toSeconds() + "s).", hint, null, null);
        }
    }

    static String clusterId(Path logDirs) throws IOException {
        Properties meta = new Properties();
        try (Reader r = Files.newBufferedReader(logDirs.resolve("meta.properties"), StandardCharsets.UTF_8)) {
            meta.load(r);
        }
        String id = meta.getProperty("cluster.id");
        if (id == null) {
            throw new IOException("no cluster.id in " + logDirs.resolve("meta.properties"));
        }
        return id;
    }

    private static void format(String classpath, Path props, Path dir, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(javaCommand(classpath));
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", props.toString()));
        int exit = ChildProcess.run("Kafka storage format", cmd, dir, log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw StackStartException.of("Formatting the Kafka storage in " + dir + " failed (exit " + exit + ").",
                    "delete " + dir.resolve("data") + " and try again.", log, null);
        }
    }

    private static List<String> command(String classpath, Path props) {
        List<String> cmd = new ArrayList<>(javaCommand(classpath));
        cmd.add("kafka.Kafka");
        cmd.add(props.toString());
        return cmd;
    }

    private static List<String> javaCommand(String classpath) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn",
                "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaConfig=warn",
                "-cp", classpath);
    }

    static String serverProperties(int port, int controllerPort, Path logDirs) {
        List<String> lines = List.of(
                "# Written by io.iterdef.stack on every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs.toString().replace("\\", "/"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=168",
                "log.segment.bytes=67108864");
        return String.join("\n", lines) + "\n";
    }
}
