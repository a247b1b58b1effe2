package io.iterdef.agent.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskFailedException;
import io.iterdef.agent.transport.ApiException;
import io.iterdef.agent.transport.UpdateDownloads;

class UpdateExecutorTest {

	@TempDir
	Path dir;

	private Path jar;

	private KeyPair release;

	private final Restart restart = new Restart();

	private final Map<String, byte[]> packages = new HashMap<>();

	private final Map<String, byte[]> signatures = new HashMap<>();

	private final UpdateDownloads server = new UpdateDownloads() {
		@Override
		public byte[] updatePackage(String version, long maxBytes) throws IOException {
			byte[] bytes = packages.get(version);
			if (bytes == null) {
				throw new ApiException(404, "no package");
			}
			if (bytes.length > maxBytes) {
				throw new IOException("larger than " + maxBytes);
			}
			return bytes;
		}

		@Override
		public byte[] updateSignature(String version) throws IOException {
			byte[] bytes = signatures.get(version);
			if (bytes == null) {
				throw new ApiException(404, "no signature");
			}
			return bytes;
		}
	};

	@BeforeEach
	void setUp() throws Exception {
		jar = Files.write(dir.resolve("iterdef-agent.jar"), jar("old"));
		release = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
	}

	@Test
	void shouldInstallTheJarAndAskForARestartWhenTheSignatureVerifies() throws Exception {
		byte[] next = jar("new");
		String sha256 = publish("0.2.0", next, release);

		Map<String, Object> data = executor(release).execute(context("0.2.0", sha256));

		assertThat(data).containsEntry("fromVersion", "0.1.0").containsEntry("toVersion", "0.2.0")
			.containsEntry("sha256", sha256);
		assertThat(Files.readAllBytes(jar)).isEqualTo(next);
		assertThat(Files.readAllBytes(dir.resolve("iterdef-agent.jar.previous"))).isEqualTo(jar("old"));
		assertThat(AgentJar.installedVersion(jar)).contains("0.2.0");
		assertThat(restart.requested()).isTrue();
	}

	@Test
	void shouldRefuseWhenAByteOfThePackageIsFlipped() throws Exception {
		byte[] next = jar("new");
		publish("0.2.0", next, release);
		byte[] tampered = next.clone();
		tampered[tampered.length / 2] ^= 1;
		packages.put("0.2.0", tampered);

		// the task names the tampered bytes' SHA-256: only the signature can tell
		assertRefused(context("0.2.0", ReleaseKeys.sha256(tampered)), "does not verify with this agent's update.public.key");
	}

	@Test
	void shouldRefuseWhenTheSignatureIsMadeWithAnotherKey() throws Exception {
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String sha256 = publish("0.2.0", jar("new"), other);

		assertRefused(context("0.2.0", sha256), "does not verify with this agent's update.public.key");
	}

	@Test
	void shouldRefuseWhenTheSignatureIsForAnotherVersion() throws Exception {
		String sha256 = publish("0.1.5", jar("new"), release);
		packages.put("0.2.0", packages.get("0.1.5"));
		signatures.put("0.2.0", signatures.get("0.1.5"));

		assertRefused(context("0.2.0", sha256), "does not verify");
	}

	@Test
	void shouldRefuseWhenTheSignatureIsMissing() throws Exception {
		String sha256 = publish("0.2.0", jar("new"), release);
		signatures.remove("0.2.0");

		assertRefused(context("0.2.0", sha256), "the server has no signature for version 0.2.0");
	}

	@Test
	void shouldRefuseWhenTheSignatureIsGarbage() throws Exception {
		String sha256 = publish("0.2.0", jar("new"), release);
		signatures.put("0.2.0", "not base64 !".getBytes(StandardCharsets.US_ASCII));

		assertRefused(context("0.2.0", sha256), "does not verify");
	}

	@Test
	void shouldRefuseWhenThePackageIsNotTheTasksSha256() throws Exception {
		publish("0.2.0", jar("new"), release);

		assertRefused(context("0.2.0", "0".repeat(64)), "is not the task's " + "0".repeat(64));
	}

	@Test
	void shouldRefuseEveryUpdateWhenNoReleaseKeyIsConfigured() throws Exception {
		String sha256 = publish("0.2.0", jar("new"), release);

		assertThatThrownBy(() -> new UpdateExecutor(null, server, () -> Optional.of(jar), restart, "0.1.0")
			.execute(context("0.2.0", sha256))).hasMessageContaining("no update.public.key");
		assertThat(Files.readAllBytes(jar)).isEqualTo(jar("old"));
	}

	@Test
	void shouldRefuseBadParameters() {
		assertThatThrownBy(() -> executor(release).execute(context("../../etc/x", "0".repeat(64))))
			.hasMessageContaining("parameter \"version\"");
		assertThatThrownBy(() -> executor(release).execute(context("0.2.0", "xyz")))
			.hasMessageContaining("parameter \"sha256\"");
	}

	@Test
	void shouldRefuseASignedPackageThatIsNotAJar() throws Exception {
		String sha256 = publish("0.2.0", "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII), release);

		assertRefused(context("0.2.0", sha256), "is not a jar");
	}

	@Test
	void shouldWriteTheNewJarBesideTheRunningOneWhenOnWindows() throws Exception {
		byte[] next = jar("new");

		Path installed = AgentJar.install(jar, next, "0.2.0", ReleaseKeys.sha256(next), true);

		assertThat(installed).isEqualTo(dir.resolve("iterdef-agent.jar.new"));
		assertThat(Files.readAllBytes(installed)).isEqualTo(next);
		assertThat(Files.readAllBytes(jar)).isEqualTo(jar("old"));
		assertThat(AgentJar.installedVersion(jar)).isEmpty(); // not yet: the launcher moves it into place
		Files.move(installed, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThat(AgentJar.installedVersion(jar)).contains("0.2.0");
	}

	@Test
	void shouldLeaveNoTemporaryFilesWhenInstalling() throws Exception {
		byte[] next = jar("new");

		AgentJar.install(jar, next, "0.2.0", ReleaseKeys.sha256(next), false);

		try (var files = Files.list(dir)) {
			assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("iterdef-agent.jar",
					"iterdef-agent.jar.previous", "iterdef-agent.jar.version");
		}
	}

	private void assertRefused(TaskContext context, String reason) {
		assertThatThrownBy(() -> executor(release).execute(context)).isInstanceOf(TaskFailedException.class)
			.hasMessageContaining(reason);
		assertThat(restart.requested()).isFalse();
		try {
			assertThat(Files.readAllBytes(jar)).isEqualTo(jar("old"));
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private UpdateExecutor executor(KeyPair trusted) {
		return new UpdateExecutor(trusted.getPublic(), server, () -> Optional.of(jar), restart, "0.1.0");
	}

	private String publish(String version, byte[] bytes, KeyPair signer) throws Exception {
		String sha256 = ReleaseKeys.sha256(bytes);
		packages.put(version, bytes);
		signatures.put(version, Base64.getEncoder()
			.encode(ReleaseKeys.sign(signer.getPrivate(), version, sha256)));
		return sha256;
	}

	private static TaskContext context(String version, String sha256) {
		long maxBytes = 10_000_000;
		return new TaskContext("task-1", Map.of("version", version, "sha256", sha256),
				new TaskLimits(10_000, 10_000, maxBytes), new Budget(maxBytes), null, new ArrayList<>());
	}

	private static final long ENTRY_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

	/**
	 * The same bytes for the same content on every call: the entry's time is fixed, as otherwise two calls either
	 * side of a 2-second DOS time step would give different jars.
	 */
	static byte[] jar(String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			ZipEntry entry = new ZipEntry("content.txt");
			entry.setTime(ENTRY_TIME);
			zip.putNextEntry(entry);
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

}
