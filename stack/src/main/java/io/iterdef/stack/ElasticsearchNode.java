package io.iterdef.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch from the distribution zip, in a subprocess. Elasticsearch refuses to run as root: as
 * root it runs as the system user {@value SystemUser#ES_USER} via runuser, with its home, data and logs under
 * /var/lib/iterdef (a checkout under a root-only folder would be out of that user's reach).
 */
final class ElasticsearchNode {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
    static final Path ROOT_BASE = Path.of("/var/lib/iterdef");

    private ElasticsearchNode() {
    }

    /** Returns the process it started, or null when Elasticsearch is external or already running on the port. */
    static ChildProcess start(StackConfig cfg, Consumer<AutoCloseable> register) {
        int port = cfg.elasticsearchPort();
        Path log = cfg.dataDir().resolve("logs").resolve("elasticsearch.log");
        if (cfg.elasticsearchExternal()) {
            LOG.info("Elasticsearch is external ({}): waiting for it", cfg.elasticsearchUrl());
            awaitExisting(cfg, "ITERDEF_ES_URL is set, so Elasticsearch at " + cfg.elasticsearchUrl() + " is external",
                    "start that Elasticsearch, or check ITERDEF_ES_URL and ITERDEF_ES_API_KEY / ITERDEF_ES_USERNAME / ITERDEF_ES_PASSWORD.");
            return null;
        }
        if (Health.portOpen("127.0.0.1", port)) {
            LOG.info("Port {} is in use: reusing the Elasticsearch there", port);
            awaitExisting(cfg, "Port " + port + " is in use but no healthy Elasticsearch answers " + cfg.elasticsearchUrl() + "/_cluster/health",
                    "stop whatever listens on port " + port + ", or set ITERDEF_ES_URL to an existing Elasticsearch.");
            return null;
        }
        boolean root = SystemUser.isRoot();
        Path base = baseDir(cfg.dataDir(), root);
        try {
            Files.createDirectories(log.getParent());
            if (root) {
                Files.createDirectories(ROOT_BASE);
                Files.setPosixFilePermissions(ROOT_BASE, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path home = ElasticsearchDistribution.fromBuild().unpackInto(base);
            Path data = Files.createDirectories(base.resolve("data"));
            Path logs = Files.createDirectories(base.resolve("logs"));
            Path tmp = Files.createDirectories(base.resolve("tmp"));
            List<String> cmd = new ArrayList<>();
            if (root) {
                SystemUser.ensureExists(SystemUser.ES_USER, log);
                SystemUser.chownRecursively(SystemUser.ES_USER, base, log);
                cmd.addAll(List.of("runuser", "-u", SystemUser.ES_USER, "--"));
            }
            cmd.add(home.resolve("bin").resolve("elasticsearch").toString());
            cmd.addAll(settings(port, data, logs));
            Map<String, String> env = Map.of(
                    "ES_JAVA_HOME", System.getProperty("java.home"),
                    "ES_JAVA_OPTS", "-Xms512m -Xmx512m",
                    "ES_TMPDIR", tmp.toString());
            ChildProcess node = ChildProcess.start("Elasticsearch", cmd, home, env, log);
            register.accept(node);
            // Ours only: the node answering must be our process (not one another process started meanwhile).
            Wait.Outcome outcome = Wait.until(() -> node.isAlive() && Health.elasticsearch(cfg.elasticsearchUrl(), null)
                    && node.ownsPid(Health.elasticsearchPid(cfg.elasticsearchUrl())), node::isAlive, cfg.startTimeout());
            if (outcome != Wait.Outcome.READY) {
                node.close();
                throw StackStartException.of(
                        "Elasticsearch on port " + port + (outcome == Wait.Outcome.DIED ? " exited during startup"
                                : " did not become healthy within " + cfg.startTimeout().toSeconds() + "s")
                                + (Health.portOpen("127.0.0.1", port) ? " (something else answers on port " + port
                                        + ": another process may have started Elasticsearch at the same time)" : ""),
                        "check that ports " + port + " and " + transportPort(port) + " are free; its own logs are in " + logs
                                + "; if its data is damaged, stop everything and delete " + data
                                + "; or set ITERDEF_ES_URL to use an existing Elasticsearch.",
                        log, null);
            }
            LOG.info("Elasticsearch ready on {} (home {})", cfg.elasticsearchUrl(), home);
            return node;
        } catch (IOException e) {
            throw StackStartException.of("Could not start Elasticsearch: " + e, "check that " + cfg.dataDir()
                    + (base.startsWith(cfg.dataDir()) ? " is" : " and " + base + " are") + " writable.", log, e);
        }
    }

    /** Where home, data and logs go: dataDir/elasticsearch, or as root /var/lib/iterdef/es-NAME-HASH of dataDir. */
    static Path baseDir(Path dataDir, boolean root) {
        if (!root) {
            return dataDir.resolve("elasticsearch");
        }
        Path name = dataDir.getFileName();
        String safe = name == null ? "root" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return ROOT_BASE.resolve("es-" + safe + "-" + shortHash(dataDir.toString()));
    }

    static List<String> settings(int port, Path data, Path logs) {
        return List.of(
                "-E", "cluster.name=iterdef",
                "-E", "node.name=iterdef-1",
                "-E", "discovery.type=single-node",
                "-E", "xpack.security.enabled=false",
                "-E", "network.host=127.0.0.1",
                "-E", "http.port=" + port,
                "-E", "transport.port=" + transportPort(port),
                "-E", "path.data=" + data,
                "-E", "path.logs=" + logs,
                "-E", "cluster.routing.allocation.disk.threshold_enabled=false");
    }

    /**
     * The transport port: the HTTP port + 100 (9200 gives Elasticsearch's own 9300), so a node on another HTTP port
     * never competes with the default node for 9300 and two stacks side by side do not collide.
     */
    static int transportPort(int httpPort) {
        int p = httpPort + 100;
        return p <= 65535 ? p : httpPort - 100;
    }

    private static void awaitExisting(StackConfig cfg, String what, String hint) {
        if (Wait.until(() -> Health.elasticsearch(cfg.elasticsearchUrl(), cfg.elasticsearchAuthorization()), () -> true,
                cfg.startTimeout()) != Wait.Outcome.READY) {
            throw StackStartException.of(what + " (waited " + cfg.startTimeout().toSeconds() + "s).", hint, null, null);
        }
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
