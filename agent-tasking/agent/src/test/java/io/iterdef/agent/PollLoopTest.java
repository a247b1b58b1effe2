package io.iterdef.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iterdef.agent.executor.Executors;
import io.iterdef.agent.identity.Identity;
import io.iterdef.agent.identity.IdentityStore;
import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.task.TaskRunner;
import io.iterdef.agent.transport.AgentClient;
import io.iterdef.agent.transport.Backoff;
import io.iterdef.agent.protocol.PinnedTrustManager;
import io.iterdef.agent.transport.TestCertificates;

/**
 * The poll loop over real HTTPS against {@link FakeAgentServer} (canned answers). A unit test of the client side;
 * the IT with the real agent server and two agent processes is still to come.
 */
class PollLoopTest {

	private static KeyStore serverKeys;

	private static KeyStore otherKeys;

	@TempDir
	Path dir;

	private FakeAgentServer server;

	@BeforeAll
	static void certificates(@TempDir Path keys) throws Exception {
		// the certificate names another host: the pin, not the name, decides
		serverKeys = TestCertificates.generate(keys, "server", "dns:elsewhere.example");
		otherKeys = TestCertificates.generate(keys, "impostor");
	}

	@BeforeEach
	void start() throws Exception {
		server = new FakeAgentServer(TestCertificates.serverContext(serverKeys));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private PollLoop loop(KeyStore pinned, String secret) throws Exception {
		String fingerprint = PinnedTrustManager.fingerprintOf(TestCertificates.certificate(pinned));
		AgentClient client = new AgentClient(server.url(), PinnedTrustManager.sslContext(fingerprint));
		TaskRunner runner = new TaskRunner(Executors.all(Map.of("site", "fra")), client);
		Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));
		return new PollLoop(client, new IdentityStore(dir.resolve("state")), runner, backoff, Map.of("site", "fra"),
				secret, 1, 4);
	}

	@Test
	void shouldEnrollPollRunTheTaskAndReportWhenTheServerHasOne() throws Exception {
		Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
		server.queued.add(new TaskAssignment("task-1", "file.hash", Map.of("path", file.toString()), 0,
				new TaskLimits(10_000, 10_000, 1_000)));
		server.queued.add(new TaskAssignment("task-2", "shell.exec", Map.of("command", "id"), 0, null));
		PollLoop loop = loop(serverKeys, FakeAgentServer.SECRET);

		Duration first = loop.runOnce();
		Duration second = loop.runOnce();
		Duration third = loop.runOnce();

		assertThat(server.enrollments).hasValue(1);
		assertThat(new IdentityStore(dir.resolve("state")).load()).contains(new Identity("agent-1", "credential-1"));
		TaskResult hashed = server.results.get("task-1");
		assertThat(hashed.status()).isEqualTo(TaskResult.SUCCEEDED);
		assertThat(hashed.data()).containsEntry("sha256",
				"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(server.results.get("task-2").error()).isEqualTo("task type shell.exec is not allowed on this agent");
		assertThat(first).as("more work may wait after a task").isZero();
		assertThat(second).isZero();
		assertThat(third).as("the server's 10 s ± 20 %").isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
		assertThat(server.versionHeaders).isNotEmpty().allMatch(v -> v.equals(Integer.toString(AgentApi.VERSION)));
		assertThat(server.polls.get(0).host().labels()).isEqualTo(Map.of("site", "fra"));
		assertThat(server.polls.get(0).maxTasks()).isEqualTo(4);
	}

	@Test
	void shouldUploadTheCollectedFileInChunksOverHttpsWhenAskedToCollectIt() throws Exception {
		byte[] content = new byte[2_345];
		new Random(3).nextBytes(content);
		Path file = Files.write(dir.resolve("evidence.bin"), content);
		server.queued.add(new TaskAssignment("task-1", "file.collect", Map.of("path", file.toString()), 0,
				new TaskLimits(10_000, 10_000, 10_000)));
		PollLoop loop = loop(serverKeys, FakeAgentServer.SECRET);

		loop.runOnce();

		FakeAgentServer.Upload upload = server.uploads.get("upload-1");
		assertThat(upload.finished).isTrue();
		assertThat(upload.chunks.keySet()).containsExactly(0, 1, 2);
		assertThat(upload.bytes()).isEqualTo(content);
		TaskResult result = server.results.get("task-1");
		assertThat(result.status()).isEqualTo(TaskResult.SUCCEEDED);
		assertThat(result.uploadIds()).containsExactly("upload-1");
		assertThat(result.data()).containsEntry("sha256", upload.start.sha256()).containsEntry("size", 2_345);
	}

	@Test
	void shouldSendTheResultAgainWhenTheServerFailedToTakeIt() throws Exception {
		server.queued.add(new TaskAssignment("task-1", "agent.info", Map.of(), 0, null));
		server.resultFailures.add(503);
		PollLoop loop = loop(serverKeys, FakeAgentServer.SECRET);

		Duration afterFailure = loop.runOnce();

		assertThat(afterFailure).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
		assertThat(loop.pendingResults()).isEqualTo(1);
		assertThat(server.results).isEmpty();

		loop.runOnce();

		assertThat(loop.pendingResults()).isZero();
		assertThat(server.results.get("task-1").status()).isEqualTo(TaskResult.SUCCEEDED);
	}

	@Test
	void shouldDropTheResultWhenTheServerRefusesIt() throws Exception {
		server.queued.add(new TaskAssignment("task-1", "agent.info", Map.of(), 0, null));
		server.resultFailures.add(404);
		PollLoop loop = loop(serverKeys, FakeAgentServer.SECRET);

		Duration pause = loop.runOnce();

		assertThat(pause).isZero();
		assertThat(loop.pendingResults()).isZero();
		assertThat(server.results).isEmpty();
	}

	@Test
	void shouldEnrollAgainWhenTheServerRevokesTheCredential() throws Exception {
		PollLoop loop = loop(serverKeys, FakeAgentServer.SECRET);
		loop.runOnce();
		server.revoke();

		Duration afterRefusal = loop.runOnce();

		assertThat(afterRefusal).isZero();
		assertThat(loop.identity()).isEmpty();
		assertThat(Files.exists(dir.resolve("state/identity.properties"))).isFalse();

		loop.runOnce();

		assertThat(server.enrollments).hasValue(2);
		assertThat(loop.identity()).contains(new Identity("agent-2", "credential-2"));
		assertThat(server.polls).hasSize(2);
	}

	@Test
	void shouldUseTheSavedIdentityWhenRestarted() throws Exception {
		loop(serverKeys, FakeAgentServer.SECRET).runOnce();

		loop(serverKeys, FakeAgentServer.SECRET).runOnce();

		assertThat(server.enrollments).hasValue(1);
		assertThat(server.polls).hasSize(2);
	}

	@Test
	void shouldNotTalkToTheServerWhenItsCertificateIsNotThePinnedOne() throws Exception {
		PollLoop loop = loop(otherKeys, FakeAgentServer.SECRET);

		Duration pause = loop.runOnce();

		assertThat(server.requests).hasValue(0);
		assertThat(loop.identity()).isEmpty();
		assertThat(pause).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
	}

	@Test
	void shouldSayWhatToCheckWhenTheConnectionFails() {
		assertThat(PollLoop.describe(new java.io.IOException(new java.net.ConnectException())))
			.contains("cannot connect to the server");
		assertThat(PollLoop.describe(new javax.net.ssl.SSLHandshakeException("x") {
			{
				initCause(new java.security.cert.CertificateException("fingerprint differs"));
			}
		})).isEqualTo("TLS refused: fingerprint differs");
	}

	@Test
	void shouldBackOffLongerWhenEnrollmentKeepsFailing() throws Exception {
		PollLoop loop = loop(serverKeys, "wrong");

		Duration first = loop.runOnce();
		Duration second = loop.runOnce();
		Duration third = loop.runOnce();

		assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
		assertThat(second).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(third).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThat(server.enrollments).hasValue(0);
		assertThat(Files.exists(dir.resolve("state/identity.properties"))).isFalse();
	}

}
