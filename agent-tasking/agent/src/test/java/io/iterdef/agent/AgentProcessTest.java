package io.iterdef.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.PinnedTrustManager;
import io.iterdef.agent.transport.TestCertificates;

/**
 * Two agent processes ({@link Agent#main} in their own JVMs, each with its configuration file and state dir)
 * against {@link FakeAgentServer}: the wiring from configuration to results works outside the test JVM. The same
 * with the real agent server is the IT still to come.
 */
class AgentProcessTest {

	@TempDir
	Path dir;

	private final List<Process> agents = new ArrayList<>();

	private FakeAgentServer server;

	@AfterEach
	void stop() {
		agents.forEach(Process::destroyForcibly);
		if (server != null) {
			server.close();
		}
	}

	@Test
	void shouldEnrollAndAnswerTasksWhenTwoAgentProcessesRun() throws Exception {
		KeyStore keys = TestCertificates.generate(dir, "server");
		server = new FakeAgentServer(TestCertificates.serverContext(keys));
		Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
		for (int i = 1; i <= 2; i++) {
			server.queued.add(new TaskAssignment("task-" + i, "file.hash", Map.of("path", file.toString()), 0,
					new TaskLimits(10_000, 10_000, 1_000)));
		}
		String fingerprint = PinnedTrustManager.fingerprintOf(TestCertificates.certificate(keys));

		for (String name : List.of("one", "two")) {
			Path config = dir.resolve(name + ".properties");
			Files.writeString(config, String.join("\n", "server.url=" + server.url(),
					"server.fingerprint=" + fingerprint, "enrollment.secret=" + FakeAgentServer.SECRET,
					"state.dir=" + dir.resolve(name).toString().replace("\\", "\\\\"), "labels=agent=" + name,
					"poll.wait.seconds=1"));
			agents.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), Agent.class.getName(), config.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve(name + ".log").toFile())
				.start());
		}

		awaitTrue(Duration.ofSeconds(60), () -> server.results.size() == 2);

		assertThat(server.enrollments).hasValue(2);
		assertThat(server.results.values()).extracting(TaskResult::status)
			.containsOnly(TaskResult.SUCCEEDED);
		assertThat(server.polls).extracting(poll -> poll.host().labels().get("agent")).contains("one", "two");
		for (String name : List.of("one", "two")) {
			Path identity = dir.resolve(name).resolve("identity.properties");
			assertThat(identity).exists();
			if (identity.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity)))
					.isEqualTo("rw-------");
			}
		}
	}

	/** Polls the condition until the deadline (no fixed sleep); fails with the agents' logs. */
	private void awaitTrue(Duration timeout, BooleanSupplier condition) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				StringBuilder logs = new StringBuilder();
				for (String name : List.of("one", "two")) {
					Path log = dir.resolve(name + ".log");
					logs.append(name).append(":\n").append(Files.exists(log) ? Files.readString(log) : "(none)");
				}
				throw new AssertionError("not within " + timeout + "; agent logs:\n" + logs);
			}
			Thread.sleep(100);
		}
	}

}
