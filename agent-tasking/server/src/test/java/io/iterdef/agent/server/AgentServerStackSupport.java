package io.iterdef.agent.server;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.server.enroll.EnrollmentRateLimiter;
import io.iterdef.agent.server.system.ServerCertificates;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the *IT tests: the whole agent server on a random HTTPS port (with the certificate it generates under
 * target/it-data) against the real PostgreSQL and Kafka of the stack module. Every IT extends this class unchanged,
 * so they share one application context. The tests use their own database {@value #IT_DATABASE} on the stack's
 * server (created when missing; Flyway migrates it) and isolate their rows by random host names.
 */
@ExtendWith({ StackExtension.class, SpringContextsBeforeStack.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ITERDEF_DATA_DIR=target/it-data", "iterdef.agent.enrollment-secret=" + AgentServerStackSupport.SECRET,
				"iterdef.agent.admin-token=" + AgentServerStackSupport.ADMIN_TOKEN,
				"iterdef.agent.enroll-per-minute=5", "iterdef.agent.approval-required=false",
				"iterdef.agent.lease-grace=PT0S", "iterdef.agent.sweep-interval=PT0.2S",
				"iterdef.agent.max-upload-bytes=200000", "iterdef.agent.chunk-bytes=65536",
				// Worktrees add migrations in parallel to one IT database: apply them in any order.
				"spring.flyway.out-of-order=true" })
public abstract class AgentServerStackSupport {

	public static final String SECRET = "it-enrollment-secret";

	public static final String ADMIN_TOKEN = "it-admin-token";

	static final String IT_DATABASE = "iterdef_agent_it";

	/** -Diterdef.it.database=NAME (e.g. via -DargLine) runs the ITs on another database of the same server. */
	static String itDatabaseName() {
		String database = System.getProperty("iterdef.it.database", IT_DATABASE);
		if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("iterdef.it.database must be a lower-case identifier: " + database);
		}
		return database;
	}

	private static Stack stack;

	private static String jdbcUrl;

	@BeforeAll
	static void useStack(Stack started) {
		stack = started;
		jdbcUrl = itDatabase(started);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected Environment environment;

	@Autowired
	protected EnrollmentRateLimiter enrollLimiter;

	@Autowired
	protected JdbcClient jdbc;

	protected static Stack stack() {
		return stack;
	}

	/** The SHA-256 of the certificate the server presents (from its key store), which the clients pin. */
	protected String fingerprint() {
		String location = environment.getProperty("server.ssl.key-store");
		return ServerCertificates.fingerprint(ServerCertificates.certificate(Path.of(location.substring("file:".length())),
				environment.getProperty("server.ssl.key-store-password"), ServerCertificates.ALIAS));
	}

	/** A client pinning the server's certificate, not enrolled. */
	protected AgentClient client() {
		return new AgentClient(port, fingerprint());
	}

	/** A newly enrolled agent on a random host name (the enrollment rate limit reset first). */
	protected AgentClient enrolledAgent() {
		enrollLimiter.clear();
		AgentClient agent = client();
		HttpResponse<String> response = agent.enroll(SECRET, AgentClient.newHostname());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return agent;
	}

	/** Queues a task through the admin API and returns its id. */
	protected String queue(AgentClient agent, String type, Map<String, Object> extra) {
		Map<String, Object> task = new HashMap<>(Map.of("agentId", agent.agentId(), "type", type, "params",
				Map.of("path", "/etc/hostname"), "requestedBy", "analyst1", "source", "analyst"));
		task.putAll(extra);
		HttpResponse<String> created = agent.createTask(ADMIN_TOKEN, task);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return AgentClient.taskId(created);
	}

	protected String taskState(String taskId) {
		return jdbc.sql("SELECT state FROM tasks WHERE id = :id").param("id", UUID.fromString(taskId))
			.query(String.class).single();
	}

	@DynamicPropertySource
	static void stackProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> jdbcUrl);
		registry.add("spring.datasource.username", () -> stack.dbUser());
		registry.add("spring.datasource.password", () -> stack.dbPassword());
		registry.add("spring.kafka.bootstrap-servers", () -> stack.kafkaBootstrap());
		if (stack != null) {
			stack.kafkaClientProperties().forEach((key, value) -> registry.add("spring.kafka.properties." + key, () -> value));
		}
	}

	private static String itDatabase(Stack stack) {
		String database = itDatabaseName();
		try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword())) {
			try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
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
		catch (SQLException ex) {
			System.err.println("agent-server ITs: cannot use database " + database + " (" + ex.getMessage()
					+ "); using " + stack.jdbcUrl());
			return stack.jdbcUrl();
		}
	}

}
