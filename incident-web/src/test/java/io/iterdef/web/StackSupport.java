package io.iterdef.web;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the *IT tests: the whole application against the real PostgreSQL and Kafka of the stack module
 * (started once per test JVM by {@link StackExtension}). Every IT extends this class unchanged, so they
 * share one cached application context. The tests use their own database {@value #IT_DATABASE} on the
 * stack's server (created when missing; Flyway migrates it), so they neither see nor touch the demo's
 * data in the database of ITERDEF_DB_URL; where the user may not create databases, they fall back to
 * that database. Tests isolate their rows by random rule ids, never by wiping tables. The application listens
 * on a random real port ({@code @LocalServerPort}), for the browser tests and HTTP clients; MockMvc works too.
 */
@ExtendWith(StackExtension.class)
// A fresh consumer group per test JVM: no waiting for a member of an earlier run to time out.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "spring.kafka.consumer.group-id=iterdef-incident-web-it-${random.uuid}",
		"iterdef.admin.password=it-admin-password",
		// Escalation ITs: a short poll and back-off; mail goes to the GreenMail server they start on SMTP_PORT.
		"iterdef.escalation.poll-interval=PT1S", "iterdef.notify.backoff-initial=PT1S",
		// Worktrees add V4..V7 in parallel to the one IT database: apply them in any order.
		"spring.flyway.out-of-order=true" })
@AutoConfigureMockMvc
public abstract class StackSupport {

	static final String IT_DATABASE = "iterdef_web_it";

	/** A free port for the ITs' SMTP server (GreenMail, started by the tests that need mail). */
	protected static final int SMTP_PORT = freePort();

	private static Stack stack;

	private static String jdbcUrl;

	@BeforeAll
	static void useStack(Stack started) {
		stack = started;
		jdbcUrl = itDatabase(started);
	}

	protected static Stack stack() {
		return stack;
	}

	@DynamicPropertySource
	static void stackProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> jdbcUrl);
		registry.add("spring.datasource.username", () -> stack.dbUser());
		registry.add("spring.datasource.password", () -> stack.dbPassword());
		registry.add("spring.kafka.bootstrap-servers", () -> stack.kafkaBootstrap());
		registry.add("iterdef.es.url", () -> stack.elasticsearchUrl());
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		// Called when the context is created, after @BeforeAll: the stack is known. Security settings of
		// an external, secured Kafka (none for the embedded broker).
		if (stack != null) {
			stack.kafkaClientProperties().forEach((key, value) -> registry.add("spring.kafka.properties." + key, () -> value));
		}
	}

	private static String itDatabase(Stack stack) {
		// -Diterdef.it.database=NAME (e.g. via -DargLine) runs the ITs on another database of the same server.
		String database = System.getProperty("iterdef.it.database", IT_DATABASE);
		if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("iterdef.it.database must be a lower-case identifier: " + database);
		}
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
			return withDatabase(stack.jdbcUrl(), database);
		}
		catch (SQLException ex) {
			System.err.println("incident-web ITs: cannot use database " + database + " (" + ex.getMessage()
					+ "); using " + stack.jdbcUrl());
			return stack.jdbcUrl();
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** jdbc:postgresql://host:port/db?params with db replaced. */
	static String withDatabase(String jdbcUrl, String database) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
	}

}
