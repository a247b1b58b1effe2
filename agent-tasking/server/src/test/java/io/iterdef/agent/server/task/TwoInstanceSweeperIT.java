package io.iterdef.agent.server.task;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.server.AgentServerApplication;
import io.iterdef.stack.Stack;
import io.iterdef.stack.junit.StackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two agent server instances (two application contexts, no web server) sweep the same database every 50 ms while
 * many leases run out and many tasks expire at once: each task is swept exactly once (the instances' totals add up
 * to the number of tasks, attempts are not counted again), no sweep fails (no deadlock). Its own database
 * (&lt;IT database&gt;_sweep), so the totals count only these tasks.
 */
@ExtendWith(StackExtension.class)
class TwoInstanceSweeperIT {

	private static final int REQUEUED = 300;

	private static final int FAILED = 100;

	private static final int EXPIRED = 200;

	private static final int UNAPPROVED = 50;

	private static final int ROUNDS = 3;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoInstances(Stack stack) {
		String url = database(stack, System.getProperty("iterdef.it.database", "iterdef_agent_it") + "_sweep");
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + stack.dbUser(), "--spring.datasource.password=" + stack.dbPassword(),
				"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(), "--ITERDEF_DATA_DIR=target/it-data",
				"--iterdef.agent.sweep-interval=PT0.05S", "--iterdef.agent.rules.enabled=false",
				"--spring.flyway.out-of-order=true", "--spring.main.banner-mode=off"));
		stack.kafkaClientProperties().forEach((key, value) -> args.add("--spring.kafka.properties." + key + "=" + value));
		// one after the other: Spring Boot's logging set-up is JVM-wide, and two contexts starting at once raced in it
		// (ConcurrentModificationException in LoggingApplicationListener); what the test checks is how the two sweep
		for (int n = 0; n < 2; n++) {
			instances.add(new SpringApplicationBuilder(AgentServerApplication.class).web(WebApplicationType.NONE)
				.run(concat(args, "--spring.application.name=agent-server-" + n)));
		}
		jdbc = instances.get(0).getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopInstances() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void shouldSweepEveryTaskExactlyOnceWithTwoInstances() {
		for (int round = 1; round <= ROUNDS; round++) {
			UUID agent = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO agents (id, hostname, os, credential_hash)
					VALUES (:id, :host, 'linux', encode(sha256(CAST(:id AS text)::bytea), 'hex'))""")
				.param("id", agent)
				.param("host", "sweep-" + agent + ".example.test")
				.update();
			try {
				insertInOneTransaction(agent);
				int r = round;
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(totals()).containsExactly((long) (EXPIRED + UNAPPROVED) * r,
							(long) (REQUEUED + FAILED) * r));
				await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(totals()).containsExactly((long) (EXPIRED + UNAPPROVED) * r,
							(long) (REQUEUED + FAILED) * r));

				assertThat(states(agent)).containsEntry("queued 1 no result before the lease ran out (attempt 1 of 2)",
						(long) REQUEUED + 10)
					.containsEntry("failed 2 no result within 2 attempts", (long) FAILED)
					.containsEntry("expired 0 not picked up by its agent before it expired", (long) EXPIRED)
					.containsEntry("expired 0 not approved before it expired", (long) UNAPPROVED)
					.containsEntry("leased 1 -", 10L)
					.hasSize(5);
			}
			finally {
				jdbc.sql("DELETE FROM agents WHERE id = :id").param("id", agent).update();
			}
		}
		for (ConfigurableApplicationContext instance : instances) {
			assertThat(instance.getBean(LeaseSweeper.class).failures()).as("failed sweeps (deadlocks)").isZero();
		}
	}

	/** All tasks appear to both sweepers at the same moment. */
	private static void insertInOneTransaction(UUID agent) {
		instances.get(0).getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s -> {
			insert(agent, REQUEUED, "leased", 1, "now() - interval '1 second'", "now() + interval '1 day'");
			insert(agent, FAILED, "leased", 2, "now() - interval '1 second'", "now() + interval '1 day'");
			insert(agent, EXPIRED, "queued", 0, null, "now() - interval '1 second'");
			insert(agent, UNAPPROVED, "awaiting_approval", 0, null, "now() - interval '1 second'");
			// not due: left alone (10 re-queued ones stay queued, 10 leases run on)
			insert(agent, 10, "queued", 1, null, "now() + interval '1 day'");
			insert(agent, 10, "leased", 1, "now() + interval '1 day'", "now() + interval '1 day'");
		});
	}

	private static void insert(UUID agent, int count, String state, int attempts, String leaseUntil, String expiresAt) {
		jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, state, requested_by, source, attempts, max_attempts, timeout_ms,
				                   cpu_ms, max_bytes, lease_until, expires_at, error)
				SELECT gen_random_uuid(), :agent, 'process.list', :state, 'sweep-it', 'analyst', :attempts, 2, 1000,
				       1000, 1000, %s, %s, CASE WHEN :state = 'queued' AND :attempts = 1
				            THEN 'no result before the lease ran out (attempt 1 of 2)' END
				FROM generate_series(1, :count)""".formatted(leaseUntil == null ? "NULL" : leaseUntil, expiresAt))
			.param("agent", agent)
			.param("state", state)
			.param("attempts", attempts)
			.param("count", count)
			.update();
	}

	private static List<Long> totals() {
		long expired = 0;
		long released = 0;
		for (ConfigurableApplicationContext instance : instances) {
			expired += instance.getBean(LeaseSweeper.class).expiredTotal();
			released += instance.getBean(LeaseSweeper.class).releasedTotal();
		}
		return List.of(expired, released);
	}

	private static Map<String, Long> states(UUID agent) {
		Map<String, Long> states = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT state || ' ' || attempts || ' ' || coalesce(error, '-') AS s, count(*) AS n
				FROM tasks WHERE agent_id = :agent GROUP BY 1""")
			.param("agent", agent)
			.query((rs, n) -> states.put(rs.getString("s"), rs.getLong("n")))
			.list();
		return states;
	}

	private static String[] concat(List<String> args, String extra) {
		List<String> all = new ArrayList<>(args);
		all.add(extra);
		return all.toArray(String[]::new);
	}

	private static String database(Stack stack, String name) {
		try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
				Statement s = c.createStatement()) {
			if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replaceAll("[^a-z0-9_]", "") + "'")
				.next()) {
				s.execute("CREATE DATABASE " + name.replaceAll("[^a-z0-9_]", ""));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create the test database " + name + ": " + ex.getMessage(), ex);
		}
		URI uri = URI.create(stack.jdbcUrl().substring("jdbc:".length()));
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name + query;
	}

}
