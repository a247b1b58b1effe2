package io.iterdef.agent.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {

	@Test
	void shouldKeepTheIdentityInAnOwnerOnlyFileWhenSaved(@TempDir Path dir) throws IOException {
		assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
		IdentityStore store = new IdentityStore(dir.resolve("state"));

		store.save(new Identity("agent-1", "secret-credential"));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))))
			.isEqualTo("rwx------");
		assertThat(store.load()).contains(new Identity("agent-1", "secret-credential"));
		assertThat(Files.exists(dir.resolve("state").resolve(IdentityStore.FILE_NAME + ".tmp"))).isFalse();
	}

	@Test
	void shouldReplaceAndForgetTheIdentity(@TempDir Path dir) throws IOException {
		IdentityStore store = new IdentityStore(dir);
		store.save(new Identity("agent-1", "one"));
		store.save(new Identity("agent-2", "two"));
		assertThat(store.load()).contains(new Identity("agent-2", "two"));

		store.delete();

		assertThat(store.load()).isEmpty();
	}

	@Test
	void shouldSayHowToRecoverWhenTheFileIsIncomplete(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve(IdentityStore.FILE_NAME), "agent.id=a\n");

		assertThatThrownBy(() -> new IdentityStore(dir).load()).hasMessageContaining("delete it");
	}

	@Test
	void shouldNotShowTheCredentialInItsText() {
		assertThat(new Identity("agent-1", "secret-credential").toString()).doesNotContain("secret-credential");
	}

}
