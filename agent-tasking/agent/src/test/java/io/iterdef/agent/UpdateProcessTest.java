package io.iterdef.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.PinnedTrustManager;
import io.iterdef.agent.transport.TestCertificates;
import io.iterdef.agent.update.ReleaseSigner;
import io.iterdef.agent.update.Restart;

/**
 * agent.update across real processes: an agent started from a jar (built here from the agent's classes) refuses a
 * package signed with another key and keeps running, installs a package signed with its release key, sends the
 * result, exits with {@value Restart#EXIT_CODE}, and started again (as its launcher does) reports the new version.
 */
class UpdateProcessTest {

	private static final TaskLimits LIMITS = new TaskLimits(30_000, 30_000, 10_000_000);

	@TempDir
	Path dir;

	private FakeAgentServer server;

	private Process agent;

	@AfterEach
	void stop() {
		if (agent != null) {
			agent.destroyForcibly();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void shouldRefuseABadSignatureAndRestartOnTheNewVersionWhenTheSignatureIsGood() throws Exception {
		KeyStore keys = TestCertificates.generate(dir, "server");
		server = new FakeAgentServer(TestCertificates.serverContext(keys));
		Path install = Files.createDirectories(dir.resolve("install"));
		Path jar = install.resolve("iterdef-agent.jar");
		buildJar(jar, null);
		byte[] oldJar = Files.readAllBytes(jar);
		Path newJar = buildJar(dir.resolve("next.jar"), "0.2.0");
		String publicKey = ReleaseSigner.keygen(dir.resolve("release"));
		ReleaseSigner.keygen(dir.resolve("other"));
		Path updates = dir.resolve("updates");
		String goodSha = ReleaseSigner.sign(dir.resolve("release/release-private.key"), newJar, "0.2.0", updates);
		String badSha = ReleaseSigner.sign(dir.resolve("other/release-private.key"), newJar, "0.3.0", updates);
		for (String version : List.of("0.2.0", "0.3.0")) {
			server.downloads.put(AgentApi.path(AgentApi.UPDATE_PACKAGE, version),
					Files.readAllBytes(updates.resolve(version + ".jar")));
			server.downloads.put(AgentApi.path(AgentApi.UPDATE_SIGNATURE, version),
					Files.readAllBytes(updates.resolve(version + ".jar.sig")));
		}
		Path config = dir.resolve("agent.properties");
		Files.writeString(config, String.join("\n", "server.url=" + server.url(),
				"server.fingerprint=" + PinnedTrustManager.fingerprintOf(TestCertificates.certificate(keys)),
				"enrollment.secret=" + FakeAgentServer.SECRET, "state.dir=" + dir.resolve("state"),
				"poll.wait.seconds=1", "update.public.key=" + publicKey));

		agent = start(jar, config, "first.log");
		server.queued.add(new TaskAssignment("bad", "agent.update", Map.of("version", "0.3.0", "sha256", badSha), 0,
				LIMITS));
		awaitTrue(() -> server.results.containsKey("bad"), "first.log");
		assertThat(server.results.get("bad").status()).isEqualTo(TaskResult.FAILED);
		assertThat(server.results.get("bad").error()).startsWith("update package signature does not verify");
		assertThat(agent.isAlive()).isTrue();
		assertThat(Files.readAllBytes(jar)).isEqualTo(oldJar);

		server.queued.add(new TaskAssignment("good", "agent.update", Map.of("version", "0.2.0", "sha256", goodSha), 0,
				LIMITS));
		assertThat(agent.waitFor(60, TimeUnit.SECONDS)).as(log("first.log")).isTrue();
		assertThat(agent.exitValue()).as(log("first.log")).isEqualTo(Restart.EXIT_CODE);
		TaskResult updated = server.results.get("good");
		assertThat(updated.status()).as(log("first.log")).isEqualTo(TaskResult.SUCCEEDED);
		assertThat(updated.data()).containsEntry("toVersion", "0.2.0").containsEntry("sha256", goodSha);
		assertThat(Files.readAllBytes(jar)).isEqualTo(Files.readAllBytes(newJar));

		agent = start(jar, config, "second.log");
		server.queued.add(new TaskAssignment("info", "agent.info", Map.of(), 0, LIMITS));
		awaitTrue(() -> server.results.containsKey("info"), "second.log");
		assertThat(server.results.get("info").data()).containsEntry("agentVersion", "0.2.0");
	}

	/** The agent's classes as a jar (an extra entry makes another version's bytes differ). */
	private static Path buildJar(Path jar, String marker) throws IOException {
		Path classes = Path.of(System.getProperty("user.dir"), "target", "classes");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Agent.class.getName());
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
				Stream<Path> files = Files.walk(classes)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
				zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
				zip.write(Files.readAllBytes(file));
				zip.closeEntry();
			}
			if (marker != null) {
				zip.putNextEntry(new JarEntry("release-" + marker + ".txt"));
				zip.write(marker.getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return jar;
	}

	/** java -cp <jar>:<the dependencies> io.iterdef.agent.Agent <config>, without the build's classes folders. */
	private Process start(Path jar, Path config, String log) throws IOException {
		List<String> classPath = new ArrayList<>(List.of(jar.toString()));
		Path classes = Path.of(System.getProperty("user.dir"), "target").toAbsolutePath();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!Path.of(entry).toAbsolutePath().startsWith(classes)) {
				classPath.add(entry);
			}
		}
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				String.join(File.pathSeparator, classPath), Agent.class.getName(), config.toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(log).toFile())
			.start();
	}

	private void awaitTrue(BooleanSupplier condition, String log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 60 s; agent log:\n" + log(log));
			}
			Thread.sleep(100);
		}
	}

	private String log(String name) {
		try {
			Path file = dir.resolve(name);
			return Files.exists(file) ? Files.readString(file) : "(none)";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
