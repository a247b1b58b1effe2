package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's agent part against the real thing: the built agent-server.jar and iterdef-agent.jar as child
 * processes, as {@code ./iterdef demo} starts them, on the stack's PostgreSQL (a database of its own,
 * -Diterdef.it.database) and Kafka. It lives in agent-e2e (in the launcher's package, for its package-private
 * classes) because the reactor builds that module after agent-tasking's jars and the stack module before them.
 */
@ExtendWith(StackExtension.class)
class AgentServerLaunchIT {

    private static final String IT_DATABASE = "iterdef_launcher_it";

    @TempDir
    Path data;

    private final Stack stack;
    /** The repository: this module is agent-tasking/e2e. */
    private final Path home = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().getParent();
    private final Session session = new Session(new Terminal(quiet(), quiet(), false, false), Duration.ofSeconds(20));
    /** For the agent started after the first one was stopped on purpose (a session reports any stopped service). */
    private final Session later = new Session(new Terminal(quiet(), quiet(), false, false), Duration.ofSeconds(20));

    AgentServerLaunchIT(Stack stack) {
        this.stack = stack;
    }

    @AfterEach
    void stop() {
        later.stop();
        session.stop();
    }

    @Test
    void shouldStartAgentServerAndEnrollDemoAgentWhenLaunchedLikeTheDemo() throws Exception {
        assertThat(ServiceCommands.missingJars(home)).as("the agent jars, built before this module")
                .noneMatch(jar -> jar.startsWith("agent-tasking"));
        String jdbcUrl = ownDatabase();
        sql(jdbcUrl, "DELETE FROM agents WHERE hostname = '" + DemoAgent.HOST_NAME + "'", true);
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_DATA_DIR", data.toString(),
                "ITERDEF_AGENT_PORT", Integer.toString(freePort())), home.toString());
        AgentSecrets secrets = AgentSecrets.resolve(settings);
        Endpoints endpoints = new Endpoints(stack.kafkaBootstrap(), stack.elasticsearchUrl(), jdbcUrl, stack.dbUser(),
                stack.dbPassword());
        Map<String, String> env = ServiceCommands.agentServerEnvironment(
                ServiceCommands.environment(endpoints, settings, new AdminCredentials("admin", "unused", false)),
                settings, secrets);

        ServiceProcess server = start(ServiceCommands.AGENT_SERVER, ServiceCommands.agentServer(home), env, settings);
        assertThat(server.waitReady(new AgentServerCheck(settings.agent(), settings.dataDir(), secrets.adminToken()),
                Duration.ofMinutes(3))).as(() -> String.join("\n", server.logTail(40)))
                .isEqualTo(ServiceProcess.Readiness.READY);
        assertThat(new AgentServerCheck(settings.agent(), settings.dataDir(), "not-the-token").isReady()).isFalse();

        AgentAccess access = AgentAccess.prepare(settings, secrets);
        assertThat(String.join("\n", server.logTail(200))).contains(access.fingerprint());
        assertThat(settings.agent().caCertificate(settings.dataDir())).isRegularFile();
        Properties deploy = properties(access.properties());
        assertThat(deploy).containsEntry("server.fingerprint", access.fingerprint())
                .containsEntry("enrollment.secret", secrets.enrollmentSecret())
                .containsEntry("server.url", "https://" + AgentAccess.thisHost() + ":" + settings.agent().port());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(access.properties())))
                .isEqualTo("rw-------");

        ServiceProcess agent = start(ServiceCommands.DEMO_AGENT, DemoAgent.configure(settings, access),
                ServiceCommands.agentEnvironment(), settings);
        try (AgentStore agents = new AgentStore(jdbcUrl, stack.dbUser(), stack.dbPassword())) {
            Optional<AgentStore.EnrolledAgent> enrolled = DemoAgent.awaitEnrolled(agents, session);

            assertThat(enrolled).as(() -> String.join("\n", agent.logTail(40))).isPresent();
            assertThat(enrolled.get().hostname()).isEqualTo(DemoAgent.HOST_NAME);
            assertThat(agents.enrolled().orElse(0)).isPositive();
        }
        assertThat(server.isAlive()).isTrue();
        assertThat(agent.isAlive()).isTrue();

        // the server records the agent (and its last_seen_at) before the agent has its answer and writes its identity
        await().atMost(Duration.ofSeconds(30)).until(() -> DemoAgent.hasIdentity(settings));

        // the data dir lost (database kept): the next demo revokes the old agent so that a new one gets the name
        agent.stop(Duration.ofSeconds(10));
        assertThat(DemoAgent.hasIdentity(settings)).isTrue();
        deleteRecursively(DemoAgent.dir(settings));
        try (AgentStore agents = new AgentStore(jdbcUrl, stack.dbUser(), stack.dbPassword())) {
            String first = agents.byHostname(DemoAgent.HOST_NAME).orElseThrow().id();
            AgentAdminClient admin = new AgentAdminClient(access.apiUrl(), access.fingerprint(), secrets.adminToken());

            assertThat(DemoAgent.releaseHostName(agents, admin)).contains(first);
            assertThat(agents.byHostname(DemoAgent.HOST_NAME)).isEmpty();

            ServiceProcess second = start(later, ServiceCommands.DEMO_AGENT + "-2",
                    DemoAgent.configure(settings, access), ServiceCommands.agentEnvironment(), settings);
            Optional<AgentStore.EnrolledAgent> again = DemoAgent.awaitEnrolled(agents, later);
            assertThat(again).as(() -> String.join("\n", second.logTail(40))).isPresent();
            assertThat(again.get().id()).isNotEqualTo(first);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private ServiceProcess start(String name, java.util.List<String> command, Map<String, String> env,
            LauncherSettings settings) throws Exception {
        return start(session, name, command, env, settings);
    }

    private ServiceProcess start(Session owner, String name, java.util.List<String> command, Map<String, String> env,
            LauncherSettings settings) throws Exception {
        ServiceProcess process = ServiceProcess.start(name, command, env, home, settings.logDir().resolve(name + ".log"));
        owner.starting();
        owner.add(process);
        return process;
    }

    /** The IT database (created when missing); migrations are applied by the agent server itself. */
    private String ownDatabase() throws SQLException {
        String database = System.getProperty("iterdef.it.database", IT_DATABASE);
        assertThat(database).matches("[a-z][a-z0-9_]{0,62}");
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
        URI uri = URI.create(stack.jdbcUrl().substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
    }

    /** Runs sql; with ifTableExists a missing table (first run, before migrations) is fine. */
    private void sql(String jdbcUrl, String sql, boolean ifTableExists) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.dbUser(), stack.dbPassword());
                Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!(ifTableExists && "42P01".equals(e.getSQLState()))) {
                throw e;
            }
        }
    }

    private static Properties properties(Path file) throws Exception {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
