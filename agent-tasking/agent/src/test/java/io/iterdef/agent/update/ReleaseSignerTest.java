package io.iterdef.agent.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSignerTest {

	@TempDir
	Path dir;

	@Test
	void shouldSignAPackageThatVerifiesWithThePrintedPublicKey() throws Exception {
		String publicKey = ReleaseSigner.keygen(dir.resolve("keys"));
		Path jar = Files.write(dir.resolve("iterdef-agent.jar"), UpdateExecutorTest.jar("x"));

		String sha256 = ReleaseSigner.sign(dir.resolve("keys/release-private.key"), jar, "0.2.0", dir.resolve("updates"));

		assertThat(sha256).isEqualTo(ReleaseKeys.sha256(Files.readAllBytes(jar)));
		assertThat(dir.resolve("updates/0.2.0.jar")).hasSameBinaryContentAs(jar);
		byte[] signature = Base64.getDecoder().decode(Files.readString(dir.resolve("updates/0.2.0.jar.sig")).strip());
		assertThat(ReleaseKeys.verifies(ReleaseKeys.publicKey(publicKey), "0.2.0", sha256, signature)).isTrue();
		assertThat(ReleaseKeys.verifies(ReleaseKeys.publicKey(publicKey), "0.2.1", sha256, signature)).isFalse();
		assertThat(Files.readString(dir.resolve("keys/release-public.key")).strip()).isEqualTo(publicKey);
		if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys/release-private.key"))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void shouldNotOverwriteAReleaseKeyWhenOneExists() throws Exception {
		ReleaseSigner.keygen(dir);

		assertThatThrownBy(() -> ReleaseSigner.keygen(dir)).hasMessageContaining("exists already");
	}

	@Test
	void shouldRefuseAVersionThatIsNotAFileName() throws Exception {
		ReleaseSigner.keygen(dir);
		Path jar = Files.write(dir.resolve("a.jar"), UpdateExecutorTest.jar("x"));

		assertThatThrownBy(() -> ReleaseSigner.sign(dir.resolve("release-private.key"), jar, "../x", dir))
			.hasMessageContaining("version must be");
	}

	@Test
	void shouldRefuseAPublicKeyThatIsNotEd25519() {
		assertThatThrownBy(() -> ReleaseKeys.publicKey("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a base64 X.509 Ed25519 public key");
	}

}
