package io.iterdef.agent.server.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.iterdef.agent.server.system.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdatePackagesTest {

	@TempDir
	Path data;

	@Test
	void shouldDefaultToTheDataDirsUpdateFolder() {
		assertThat(new UpdatePackages("", data.toString()).dir()).isEqualTo(data.resolve("agent-server/updates"));
		assertThat(new UpdatePackages(data.resolve("u").toString(), "x").dir()).isEqualTo(data.resolve("u"));
	}

	@Test
	void shouldFindOnlyFilesOfTheFolderWhenAskedForAVersion() throws Exception {
		UpdatePackages packages = new UpdatePackages(data.resolve("updates").toString(), "x");
		Files.createDirectories(packages.dir());
		Files.writeString(packages.dir().resolve("1.2.3.jar"), "jar");
		Files.writeString(data.resolve("secret.jar"), "secret");

		assertThat(packages.jar("1.2.3")).contains(packages.dir().resolve("1.2.3.jar"));
		assertThat(packages.signature("1.2.3")).isEmpty();
		assertThat(packages.jar("1.2.4")).isEmpty();
		for (String bad : new String[] { "../secret", "..", ".hidden", "a/b", "a\\b", "1..2", "", "x".repeat(65),
				"1.2.3\u0000" }) {
			assertThatThrownBy(() -> packages.jar(bad)).as(bad)
				.isInstanceOf(ApiException.class)
				.hasMessageContaining("not a package version");
		}
	}

}
