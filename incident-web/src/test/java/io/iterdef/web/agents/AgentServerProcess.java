package io.iterdef.web.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.iterdef.stack.Stack;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real agent server (agent-tasking/server/target/agent-server.jar, built by the reactor before this module) as
 * a child process on a free port, on the ITs' own database and the stack's Kafka, with its generated CA under
 * target/agent-it-data. Waits (with a deadline, no fixed sleeps) until it answers over HTTPS, stops it after.
 */
final class AgentServerProcess implements AutoCloseable {

	static final String ADMIN_TOKEN = "web8-it-admin-token-" + UUID.randomUUID();

	static final String ENROLLMENT_SECRET = "web8-it-enrollment-secret";

	private static final Duration START_DEADLINE = Duration.ofMinutes(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final int port;

	private final Path dataDir;

	private final Path log;

	private AgentServerProcess(Process process, int port, Path dataDir, Path log) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
		this.log = log;
	}

	/** Starts the server on the IT database of the stack's PostgreSQL and waits until it answers. */
	static AgentServerProcess start(Stack stack) throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("iterdef.agent-server.jar", "../agent-tasking/server/target/agent-server.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No agent server jar at " + jar.toAbsolutePath()
					+ ": build it with mvn -B -o -q -pl agent-tasking/server -am package -DskipTests");
		}
		int port = freePort();
		Path dataDir = Path.of("target", "agent-it-data").toAbsolutePath();
		Files.createDirectories(dataDir);
		Path log = Path.of("target", "agent-it-server.log").toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-jar", jar.toAbsolutePath().toString());
		Map<String, String> env = builder.environment();
		env.put("ITERDEF_DB_URL", itJdbcUrl(stack));
		env.put("ITERDEF_DB_USER", stack.dbUser());
		env.put("ITERDEF_DB_PASSWORD", stack.dbPassword() == null ? "" : stack.dbPassword());
		env.put("ITERDEF_KAFKA", stack.kafkaBootstrap());
		env.put("ITERDEF_TOPIC_PREFIX", "web8-it-");
		env.put("ITERDEF_AGENT_PORT", String.valueOf(port));
		env.put("ITERDEF_DATA_DIR", dataDir.toString());
		env.put("ITERDEF_AGENT_ADMIN_TOKEN", ADMIN_TOKEN);
		env.put("ITERDEF_AGENT_ENROLLMENT_SECRET", ENROLLMENT_SECRET);
		env.put("ITERDEF_AGENT_ENROLL_PER_MINUTE", "1000");
		env.put("SPRING_FLYWAY_OUT_OF_ORDER", "true");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		AgentServerProcess server = new AgentServerProcess(builder.start(), port, dataDir, log);
		server.awaitReady();
		return server;
	}

	String adminUrl() {
		return "https://127.0.0.1:" + port;
	}

	Path caFile() {
		return dataDir.resolve("agent-server").resolve("ca.crt");
	}

	/** Enrolls a fake agent for a host name over HTTPS (trusting the generated CA); returns its agent id. */
	UUID enroll(String hostname) throws IOException, InterruptedException {
		Map<String, Object> facts = Map.of("hostname", hostname, "os", "linux", "osVersion", "Debian 12", "agentVersion",
				"0.1.0", "ips", java.util.List.of("127.0.0.1"), "labels", Map.of("site", "web8-it"));
		HttpResponse<String> response = https().send(HttpRequest.newBuilder(URI.create(adminUrl() + "/agent/v1/enroll"))
			.header("Content-Type", "application/json")
			.header("X-Iterdef-Agent-Protocol", "1")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("enrollmentSecret",
					ENROLLMENT_SECRET, "host", facts))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("enrollment of " + hostname + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return UUID.fromString(JSON.readTree(response.body()).get("agentId").asString());
	}

	private HttpClient https() {
		return HttpClient.newBuilder().sslContext(AgentServerClient.trusting(caFile())).build();
	}

	private void awaitReady() throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(START_DEADLINE);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The agent server exited with " + process.exitValue() + ": "
						+ Files.readString(log));
			}
			if (Files.isRegularFile(caFile())) {
				try {
					https().send(HttpRequest.newBuilder(URI.create(adminUrl() + "/admin/v1/agents"))
						.timeout(Duration.ofSeconds(2))
						.header("Authorization", "Bearer " + ADMIN_TOKEN)
						.GET()
						.build(), HttpResponse.BodyHandlers.discarding());
					return;
				}
				catch (IOException | RuntimeException notYet) {
					// not listening yet
				}
			}
			process.waitFor(250, TimeUnit.MILLISECONDS);
		}
		close();
		throw new IllegalStateException("The agent server did not answer within " + START_DEADLINE + "; its log: " + log);
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The JDBC URL of the ITs' own database (-Diterdef.it.database, as StackSupport uses it). */
	static String itJdbcUrl(Stack stack) {
		String database = System.getProperty("iterdef.it.database", "iterdef_web_it");
		URI uri = URI.create(stack.jdbcUrl().substring("jdbc:".length()));
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
