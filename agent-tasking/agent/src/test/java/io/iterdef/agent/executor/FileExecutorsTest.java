package io.iterdef.agent.executor;

import static io.iterdef.agent.executor.Contexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iterdef.agent.task.TaskFailedException;

class FileExecutorsTest {

	@TempDir
	Path dir;

	@Test
	void shouldHashWithThreeAlgorithmsWhenTheFileFits() throws Exception {
		Path file = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

		Map<String, Object> data = new FileHashExecutor().execute(context(Map.of("path", file.toString()), 1_000));

		assertThat(data).containsEntry("size", 3L)
			.containsEntry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
			.containsEntry("sha1", "a9993e364706816aba3e25717850c26c9cd0d89d")
			.containsEntry("md5", "900150983cd24fb0d6963f7d28e17f72");
	}

	@Test
	void shouldRefuseToHashWhenTheFileIsOverTheByteBudget() throws Exception {
		Path file = Files.write(dir.resolve("big.bin"), new byte[2_000]);

		assertThatThrownBy(() -> new FileHashExecutor().execute(context(Map.of("path", file.toString()), 1_000)))
			.isInstanceOf(TaskFailedException.class)
			.hasMessageContaining("2000 bytes, over the task's byte budget of 1000 bytes");
	}

	@Test
	void shouldSaySoWhenTheFileDoesNotExist() {
		assertThatThrownBy(() -> new FileHashExecutor()
			.execute(context(Map.of("path", dir.resolve("nope").toString()), 1_000)))
			.hasMessageContaining("no such file");
		assertThatThrownBy(() -> new FileStatExecutor()
			.execute(context(Map.of("path", dir.resolve("nope").toString()), 1_000)))
			.hasMessageContaining("no such file");
		assertThatThrownBy(() -> new FileHashExecutor().execute(context(Map.of("path", dir.toString()), 1_000)))
			.hasMessageContaining("not a regular file");
	}

	@Test
	void shouldStatTypeSizeAndModeWhenTheFileExists() throws Exception {
		Path file = Files.writeString(dir.resolve("s.txt"), "hello");

		Map<String, Object> data = new FileStatExecutor().execute(context(Map.of("path", file.toString()), 10_000));
		Map<String, Object> ofDir = new FileStatExecutor().execute(context(Map.of("path", dir.toString()), 10_000));

		assertThat(data).containsEntry("type", "file").containsEntry("size", 5L).containsKeys("modified", "owner");
		if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat((String) data.get("mode")).matches("[rwx-]{9}");
		}
		assertThat(ofDir).containsEntry("type", "dir");
	}

}
