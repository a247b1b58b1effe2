package io.iterdef.agent.executor;

import static io.iterdef.agent.executor.Contexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirListExecutorTest {

	@TempDir
	Path root;

	@BeforeEach
	void tree() throws Exception {
		// root/a.txt, root/sub/b.txt, root/sub/deeper/c.txt
		Files.writeString(root.resolve("a.txt"), "a");
		Files.createDirectories(root.resolve("sub/deeper"));
		Files.writeString(root.resolve("sub/b.txt"), "bb");
		Files.writeString(root.resolve("sub/deeper/c.txt"), "ccc");
	}

	@SuppressWarnings("unchecked")
	private static List<String> paths(Map<String, Object> data, Path root) {
		return ((List<Map<String, Object>>) data.get("entries")).stream()
			.map(entry -> root.relativize(Path.of((String) entry.get("path"))).toString().replace('\\', '/'))
			.toList();
	}

	@Test
	void shouldListOnlyTheTopLevelWhenTheDepthIsOne() throws Exception {
		Map<String, Object> data = new DirListExecutor().execute(context(Map.of("path", root.toString()), 100_000));

		assertThat(paths(data, root)).containsExactlyInAnyOrder("a.txt", "sub");
		assertThat(data).containsEntry("truncated", false).containsEntry("count", 2);
	}

	@Test
	void shouldGoDeeperWhenAskedAndStopAtTheDepth() throws Exception {
		Map<String, Object> two = new DirListExecutor()
			.execute(context(Map.of("path", root.toString(), "maxDepth", 2), 100_000));
		Map<String, Object> three = new DirListExecutor()
			.execute(context(Map.of("path", root.toString(), "maxDepth", 3), 100_000));

		assertThat(paths(two, root)).containsExactlyInAnyOrder("a.txt", "sub", "sub/b.txt", "sub/deeper");
		assertThat(paths(three, root)).contains("sub/deeper/c.txt").hasSize(5);
	}

	@Test
	void shouldStopAndSaySoWhenTheEntryCountIsReached() throws Exception {
		Map<String, Object> data = new DirListExecutor()
			.execute(context(Map.of("path", root.toString(), "maxDepth", 3, "maxEntries", 2), 100_000));

		assertThat(paths(data, root)).hasSize(2);
		assertThat(data).containsEntry("truncated", true);
	}

	@Test
	void shouldRefuseBoundsOutsideTheLimits() {
		assertThatThrownBy(() -> new DirListExecutor()
			.execute(context(Map.of("path", root.toString(), "maxDepth", 50), 100_000)))
			.hasMessageContaining("\"maxDepth\" must be a whole number from 1 to 10");
		assertThatThrownBy(() -> new DirListExecutor()
			.execute(context(Map.of("path", root.toString(), "maxEntries", 1_000_000), 100_000)))
			.hasMessageContaining("\"maxEntries\" must be a whole number from 1 to 10000");
	}

	@Test
	void shouldFailWhenTheListingIsOverTheByteBudget() {
		assertThatThrownBy(() -> new DirListExecutor()
			.execute(context(Map.of("path", root.toString(), "maxDepth", 3), 200)))
			.hasMessageContaining("byte budget of 200 bytes spent");
	}

}
