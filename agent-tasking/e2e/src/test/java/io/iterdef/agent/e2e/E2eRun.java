package io.iterdef.agent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.stack.Stack;

import static org.awaitility.Awaitility.await;

/**
 * One end-to-end run: a random id, its own topics ({@code e2e-<run>.}), folder (target/e2e-<run>) and host names,
 * the real agent server and streams app as child processes, and two real agents (A and B). Everything it started
 * is killed by {@link #close()}; the logs stay under the run's folder.
 */
final class E2eRun implements AutoCloseable {

	static final String ADMIN_TOKEN = "e2e-admin-" + UUID.randomUUID();

	static final String ENROLLMENT_SECRET = "e2e-enroll-" + UUID.randomUUID();

	private static final Pattern FINGERPRINT = Pattern
		.compile("fingerprint \\(give it to agents to pin\\): ([0-9a-f]{64})");

	final String id = UUID.randomUUID().toString().substring(0, 8);

	final String prefix = "e2e-" + id + ".";

	final Path dir;

	final Stack stack;

	final String dbUrl;

	/** The offline release key: agents trust its public half for agent.update (update.public.key). */
	final KeyPair releaseKey;

	final List<AutoCloseable> started = new ArrayList<>();

	/** Kills the children when the test JVM ends without {@link #close()} (a failsafe timeout, Ctrl-C). */
	private final Thread shutdownHook = new Thread(this::closeStarted, "e2e-run-cleanup");

	ChildJava server;

	ChildJava streams;

	int port;

	String fingerprint;

	ServerApi api;

	KafkaProbe kafka;

	AgentProcess agentA;

	AgentProcess agentB;

	E2eRun(Stack stack) {
		this.stack = stack;
		this.dir = Path.of(System.getProperty("e2e.workDir", "target")).toAbsolutePath().resolve("e2e-" + id);
		this.dbUrl = database(stack, databaseName());
		try {
			Files.createDirectories(dir);
			this.releaseKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String hostA() {
		return "e2e-a-" + id + ".test";
	}

	String hostB() {
		return "e2e-b-" + id + ".test";
	}

	String topic(String name) {
		return prefix + name;
	}

	/** Server, streams app and both agents; both agents enrolled when it returns. */
	E2eRun start() {
		Runtime.getRuntime().addShutdownHook(shutdownHook);
		kafka = new KafkaProbe(stack.kafkaBootstrap(), stack.kafkaClientProperties());
		started.add(kafka);
		kafka.createTopics(3, topic("iterdef.raw"), topic("iterdef.events"), topic("iterdef.alerts"),
				topic("iterdef.tasks"), topic("iterdef.dlq"));
		startServer();
		startStreams();
		agentA = agent("a", hostA(), "run=" + id + ",role=ws,site=a");
		agentB = agent("b", hostB(), "run=" + id + ",role=ws,site=b");
		await("both agents enrolled").atMost(Duration.ofSeconds(60))
			.until(() -> agentId(hostA()) != null && agentId(hostB()) != null);
		await("the streams app ready").atMost(Duration.ofSeconds(120)).until(() -> streams.logged("streams app ready"));
		return this;
	}

	private void startServer() {
		port = freePort();
		Map<String, String> env = new HashMap<>();
		env.put("ITERDEF_DB_URL", dbUrl);
		env.put("ITERDEF_DB_USER", stack.dbUser());
		env.put("ITERDEF_DB_PASSWORD", stack.dbPassword());
		env.put("ITERDEF_KAFKA", stack.kafkaBootstrap());
		env.put("ITERDEF_TOPIC_PREFIX", prefix);
		env.put("ITERDEF_AGENT_PORT", Integer.toString(port));
		env.put("ITERDEF_DATA_DIR", dir.resolve("server-data").toString());
		env.put("ITERDEF_AGENT_ENROLLMENT_SECRET", ENROLLMENT_SECRET);
		env.put("ITERDEF_AGENT_ADMIN_TOKEN", ADMIN_TOKEN);
		env.put("ITERDEF_AGENT_ENROLL_PER_MINUTE", "100");
		env.put("ITERDEF_AGENT_APPROVAL_REQUIRED", "true");
		env.put("ITERDEF_AGENT_MAX_UPLOAD_BYTES", "8388608");
		env.put("ITERDEF_AGENT_UPDATE_DIR", updateDir().toString());
		server = new ChildJava("agent server", List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
				// short leases and a quick sweeper so that a killed agent's task comes back within seconds
				"-Diterdef.agent.lease-grace=PT2S", "-Diterdef.agent.sweep-interval=PT0.5S",
				"-Diterdef.agent.poll-seconds=5",
				// the lead merges migrations of several branches into this database: apply them in any order
				"-Dspring.flyway.out-of-order=true",
				"-jar", jar("e2e.agentServerJar").toString()), env, dir.resolve("agent-server.log")).start();
		started.add(server);
		await("the agent server started").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
			.until(() -> server.logged("Started AgentServerApplication"));
		// the fingerprint line comes once the application is ready, right after "Started"
		await("the agent server's certificate fingerprint in its log").atMost(Duration.ofSeconds(30))
			.until(() -> FINGERPRINT.matcher(server.log()).find());
		Matcher m = FINGERPRINT.matcher(server.log());
		m.find();
		fingerprint = m.group(1);
		api = new ServerApi(port, fingerprint, ADMIN_TOKEN);
	}

	Path updateDir() {
		return dir.resolve("server-data").resolve("agent-server").resolve("updates");
	}

	private void startStreams() {
		Map<String, String> env = new HashMap<>();
		env.put("ITERDEF_KAFKA", stack.kafkaBootstrap());
		env.put("ITERDEF_ES_URL", stack.elasticsearchUrl());
		env.put("ITERDEF_COLLECTOR_TCP_PORT", "0");
		env.put("ITERDEF_COLLECTOR_HTTP_PORT", "0");
		env.put("ITERDEF_COLLECTOR_SYSLOG_PORT", "0");
		env.put("ITERDEF_COLLECTOR_BIND", "127.0.0.1");
		env.put("ITERDEF_TOPIC_PARTITIONS", "3");
		env.put("ITERDEF_TOPIC_PREFIX", prefix);
		env.put("ITERDEF_DATA_DIR", dir.resolve("streams-data").toString());
		env.put("ITERDEF_STREAMS_APPLICATION_ID", "e2e-streams-" + id);
		env.put("ITERDEF_INDEXER_GROUP", "e2e-indexer-" + id);
		String classpath = jar("e2e.streamsJar") + java.io.File.pathSeparator + jar("e2e.streamsLib") + "/*";
		streams = new ChildJava("streams app", List.of("-Xmx512m", "-cp", classpath, "io.iterdef.streams.StreamsApp"),
				env, dir.resolve("streams-app.log")).start();
		started.add(streams);
	}

	private AgentProcess agent(String name, String hostName, String labels) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("server.url", "https://127.0.0.1:" + port);
		p.put("server.fingerprint", fingerprint);
		p.put("enrollment.secret", ENROLLMENT_SECRET);
		p.put("host.name", hostName);
		p.put("labels", labels);
		p.put("poll.wait.seconds", "2");
		p.put("update.public.key", Base64.getEncoder().encodeToString(releaseKey.getPublic().getEncoded()));
		AgentProcess agent = AgentProcess.install(dir.resolve("agent-" + name), jar("e2e.agentJar"), jar("e2e.agentLib"), p);
		started.add(agent);
		return agent.start();
	}

	static Path jar(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException("system property " + property + " is not set: run the e2e ITs through Maven"
					+ " (mvn -pl agent-tasking/e2e -am verify), which builds the jars and passes their paths");
		}
		Path path = Path.of(value).toAbsolutePath().normalize();
		if (!Files.exists(path)) {
			throw new IllegalStateException(path + " does not exist: build it first (mvn -B -o -pl"
					+ " agent-tasking/server,agent-tasking/agent,streams-app -am package -DskipTests)");
		}
		return path;
	}

	// ---- database (the server's schema, read-only from here)

	/** The id of the unrevoked agent holding {@code hostName}, or null. */
	String agentId(String hostName) {
		return queryString("SELECT id::text FROM agents WHERE hostname = ? AND revoked_at IS NULL", hostName);
	}

	String taskState(String taskId) {
		return queryString("SELECT state FROM tasks WHERE id = ?::uuid", taskId);
	}

	String queryString(String sql, Object... params) {
		List<Map<String, Object>> rows = query(sql, params);
		if (rows.isEmpty()) {
			return null;
		}
		Object value = rows.get(0).values().iterator().next();
		return value == null ? null : value.toString();
	}

	List<Map<String, Object>> query(String sql, Object... params) {
		try (Connection c = DriverManager.getConnection(dbUrl, stack.dbUser(), stack.dbPassword());
				PreparedStatement ps = c.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				ps.setObject(i + 1, params[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int i = 1; i <= columns; i++) {
						row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	static String databaseName() {
		String name = System.getProperty("iterdef.it.database", "e2e_it");
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("iterdef.it.database must be a lower-case identifier: " + name);
		}
		return name;
	}

	/** The JDBC URL of {@code name} on the stack's PostgreSQL, created when missing. */
	private static String database(Stack stack, String name) {
		try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword())) {
			try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				exists.setString(1, name);
				try (ResultSet rs = exists.executeQuery()) {
					if (!rs.next()) {
						try (Statement create = c.createStatement()) {
							create.execute("CREATE DATABASE " + name);
						}
					}
				}
			}
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) { // created meanwhile by another run
				throw new IllegalStateException("cannot create database " + name + " on " + stack.jdbcUrl() + ": "
						+ ex.getMessage(), ex);
			}
		}
		URI uri = URI.create(stack.jdbcUrl().substring("jdbc:".length()));
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + name + query;
	}

	// ---- Elasticsearch

	/** The hits of a search over events-* (no refresh: callers poll). */
	JsonNode searchEvents(Map<String, Object> query, int size) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/events-*/_search"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofByteArray(ServerApi.JSON.writeValueAsBytes(Map.of("query", query, "size", size))))
				.timeout(Duration.ofSeconds(30))
				.build();
			HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
			JsonNode body = ServerApi.JSON.readTree(response.body());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Elasticsearch answered " + response.statusCode() + ": " + body);
			}
			return body.path("hits").path("hits");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The last lines of every process's log, for a failed test. */
	String tails(int lines) {
		StringBuilder out = new StringBuilder();
		for (Object o : List.of(server == null ? "" : server, streams == null ? "" : streams,
				agentA == null ? "" : agentA, agentB == null ? "" : agentB)) {
			if (o instanceof ChildJava c) {
				out.append("\n==== ").append(c.name()).append(" (").append(c.logFile()).append(")\n").append(c.tail(lines));
			}
			else if (o instanceof AgentProcess a) {
				out.append("\n==== agent ").append(a.hostName()).append(" (").append(a.home()).append("/agent.log)\n")
					.append(a.tail(lines));
			}
		}
		return out.toString();
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// shutting down already, or never started
		}
		closeStarted();
	}

	private void closeStarted() {
		for (int i = started.size() - 1; i >= 0; i--) {
			try {
				started.get(i).close();
			}
			catch (Exception ex) {
				System.err.println("e2e: closing " + started.get(i) + " failed: " + ex);
			}
		}
	}

}
