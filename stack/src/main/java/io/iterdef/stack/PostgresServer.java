package io.iterdef.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL from zonky's embedded binaries, data kept in dataDir/postgres across restarts. */
final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres pg;

    private PostgresServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    /** Returns the server it started, or null when the database is external or already running on the port. */
    static PostgresServer start(StackConfig cfg, Consumer<AutoCloseable> register) {
        int port = cfg.databasePort();
        Path log = cfg.dataDir().resolve("logs").resolve("postgres.log");
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        if (cfg.databaseExternal()) {
            LOG.info("PostgreSQL is external ({}): waiting for it", cfg.jdbcUrl());
            awaitExisting(cfg, cfg.jdbcUrl(), "ITERDEF_DB_URL is set, so the database " + cfg.jdbcUrl() + " is external",
                    "start that PostgreSQL and create the database, or check ITERDEF_DB_URL / ITERDEF_DB_USER / ITERDEF_DB_PASSWORD.");
            return null;
        }
        if (Health.portOpen("127.0.0.1", port)) {
            LOG.info("Port {} is in use: reusing the PostgreSQL there", port);
            awaitExisting(cfg, adminUrl, "Port " + port + " is in use but PostgreSQL does not answer as user " + cfg.dbUser(),
                    "stop whatever listens on port " + port + ", or set ITERDEF_DB_URL to an existing database.");
            createDatabaseIfMissing(adminUrl, cfg);
            return null;
        }
        Path data = cfg.dataDir().resolve("postgres");
        try {
            Files.createDirectories(data);
            Files.createDirectories(log.getParent());
            LOG.info("Starting PostgreSQL on port {} (data {}, log {})", port, data, log);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(cfg.startTimeout())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(pg);
            register.accept(server);
            try {
                // zonky accepts any server answering on the port: make sure the postmaster is ours.
                if (!runningIn(data)) {
                    throw StackStartException.of("PostgreSQL did not start on port " + port
                                    + (Health.portOpen("127.0.0.1", port) ? " (something else answers on that port: another process"
                                            + " may have started PostgreSQL at the same time)" : ""),
                            "check that port " + port + " is free, or set ITERDEF_DB_URL to use an existing database.", log, null);
                }
                createDatabaseIfMissing(adminUrl, cfg);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            LOG.info("PostgreSQL ready: {}", cfg.jdbcUrl());
            return server;
        } catch (IOException | RuntimeException e) {
            if (e instanceof StackStartException sse) {
                throw sse;
            }
            throw StackStartException.of("PostgreSQL did not start on port " + port + ": " + e,
                    "check that port " + port + " is free; if the data is damaged, stop everything and delete " + data
                            + "; or set ITERDEF_DB_URL to use an existing database.", log, e);
        }
    }

    /** A live postmaster owns the data directory (postmaster.pid names a running process). */
    static boolean runningIn(Path data) {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return !lines.isEmpty() && ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    static void createDatabaseIfMissing(String adminUrl, StackConfig cfg) {
        String db = cfg.databaseName();
        Properties props = new Properties();
        props.setProperty("user", cfg.dbUser());
        props.setProperty("password", cfg.dbPassword());
        try (Connection c = DriverManager.getConnection(adminUrl, props);
                PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create database \"" + db.replace("\"", "\"\"") + "\"");
                LOG.info("Created database {}", db);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently
            }
            throw new StackStartException("Could not create the database '" + db + "' on " + adminUrl + ": " + e.getMessage()
                    + "\nWhat to do: create it yourself, or check ITERDEF_DB_USER / ITERDEF_DB_PASSWORD.", e);
        }
    }

    private static void awaitExisting(StackConfig cfg, String url, String what, String hint) {
        if (Wait.until(() -> Health.database(url, cfg.dbUser(), cfg.dbPassword()), () -> true, cfg.startTimeout())
                != Wait.Outcome.READY) {
            throw StackStartException.of(what + " (waited " + cfg.startTimeout().toSeconds() + "s).", hint, null, null);
        }
    }

    @Override
    public void close() {
        try {
            LOG.info("Stopping PostgreSQL");
            pg.close();
        } catch (IOException e) {
            LOG.warn("Stopping PostgreSQL failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL (port " + pg.getPort() + ")";
    }
}
