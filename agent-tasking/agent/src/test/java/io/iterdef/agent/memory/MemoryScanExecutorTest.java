package io.iterdef.agent.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskFailedException;

/** memory.scan against a real child JVM ({@link MemoryHolder}) holding a random marker. */
@EnabledOnOs(OS.LINUX)
class MemoryScanExecutorTest {

	private static final long BUDGET = 4L * 1024 * 1024 * 1024;

	private final String marker = "iterdef-marker-" + UUID.randomUUID();

	private Process holder;

	@BeforeEach
	void startHolder() throws Exception {
		holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MemoryHolder.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		OutputStream stdin = holder.getOutputStream();
		stdin.write((marker + "\n").getBytes(StandardCharsets.UTF_8));
		stdin.flush();
		BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
		assertThat(out.readLine()).isEqualTo("ready");
	}

	@AfterEach
	void stopHolder() {
		holder.destroyForcibly();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldFindTheMarkerInUtf8AndUtf16WhenTheProcessHoldsIt() throws Exception {
		Map<String, Object> data = scan(List.of(Map.of("text", marker), Map.of("text", marker, "encoding", "utf16le")),
				BUDGET);

		List<Map<String, Object>> hits = (List<Map<String, Object>>) data.get("hits");
		assertThat(hits).extracting(hit -> hit.get("patternIndex")).contains(0, 1);
		Map<String, Object> hit = hits.get(0);
		assertThat(hit.get("pattern")).isEqualTo(marker);
		assertThat((String) hit.get("address")).matches("0x[0-9a-f]+");
		assertThat((String) hit.get("context")).hasSizeLessThanOrEqualTo(64).matches("[0-9a-f]+");
		assertThat(data.get("pid")).isEqualTo(holder.pid());
		assertThat(data.get("processName")).isEqualTo("java");
		assertThat((Long) data.get("bytesScanned")).isPositive();
		assertThat((Integer) data.get("regionsScanned")).isPositive();
		assertThat(data.get("truncated")).isEqualTo(false);
	}

	@Test
	void shouldFindNothingWhenThePatternIsAbsent() throws Exception {
		String absent = "absent-" + UUID.randomUUID();

		Map<String, Object> data = scan(List.of(Map.of("hex", hex(absent.getBytes(StandardCharsets.UTF_8)))), BUDGET);

		assertThat((List<?>) data.get("hits")).isEmpty();
		assertThat(data.get("truncated")).isEqualTo(false);
	}

	@Test
	void shouldStopTruncatedWhenTheByteBudgetIsSpent() throws Exception {
		Map<String, Object> data = scan(List.of(Map.of("text", marker)), 64 * 1024);

		assertThat(data.get("truncated")).isEqualTo(true);
		assertThat((Long) data.get("bytesScanned")).isLessThanOrEqualTo(64 * 1024L);
	}

	@Test
	void shouldFailWhenTheProcessDoesNotExist() {
		TaskContext context = context(Map.of("pid", Integer.MAX_VALUE - 1, "patterns", List.of(Map.of("hex", "00"))),
				BUDGET);

		assertThatThrownBy(() -> new MemoryScanExecutor(Path.of("/proc")).execute(context))
			.isInstanceOf(TaskFailedException.class)
			.hasMessageContaining("no process with pid");
	}

	private Map<String, Object> scan(List<Map<String, Object>> patterns, long budget) throws Exception {
		return new MemoryScanExecutor(Path.of("/proc"))
			.execute(context(Map.of("pid", holder.pid(), "patterns", patterns, "maxHits", 50), budget));
	}

	static TaskContext context(Map<String, Object> params, long maxBytes) {
		return new TaskContext("task-1", params, new TaskLimits(60_000, 60_000, maxBytes), new Budget(maxBytes), null,
				new ArrayList<>());
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

}
