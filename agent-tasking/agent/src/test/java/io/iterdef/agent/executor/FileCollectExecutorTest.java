package io.iterdef.agent.executor;

import static io.iterdef.agent.executor.Contexts.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.transport.Uploads;

class FileCollectExecutorTest {

	@TempDir
	Path dir;

	/** Plays the server's upload calls and keeps what arrives. */
	static final class RecordingUploads implements Uploads {

		final List<UploadStart> starts = new ArrayList<>();

		final List<Integer> indexes = new ArrayList<>();

		final ByteArrayOutputStream received = new ByteArrayOutputStream();

		final List<String> finished = new ArrayList<>();

		@Override
		public UploadStarted start(String taskId, UploadStart start) {
			starts.add(start);
			return new UploadStarted("upload-1", 1_000);
		}

		@Override
		public void chunk(String uploadId, int index, byte[] bytes, int length) {
			indexes.add(index);
			received.write(bytes, 0, length);
		}

		@Override
		public void finish(String uploadId) {
			finished.add(uploadId);
		}

	}

	@Test
	void shouldUploadInChunksWithTheFilesSha256WhenItFits() throws Exception {
		byte[] content = new byte[2_500];
		new Random(7).nextBytes(content);
		Path file = Files.write(dir.resolve("evidence.bin"), content);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		RecordingUploads uploads = new RecordingUploads();
		TaskContext context = context(Map.of("path", file.toString()), 10_000, uploads);

		Map<String, Object> data = new FileCollectExecutor().execute(context);

		assertThat(uploads.starts).containsExactly(new UploadStart("evidence.bin", 2_500, sha256));
		assertThat(uploads.indexes).containsExactly(0, 1, 2);
		assertThat(uploads.received.toByteArray()).isEqualTo(content);
		assertThat(uploads.finished).containsExactly("upload-1");
		assertThat(context.uploadIds()).containsExactly("upload-1");
		assertThat(data).containsEntry("sha256", sha256).containsEntry("size", 2_500L);
	}

	@Test
	void shouldNotStartAnUploadWhenTheFileIsOverTheByteBudget() throws Exception {
		Path file = Files.write(dir.resolve("big.bin"), new byte[5_000]);
		RecordingUploads uploads = new RecordingUploads();

		assertThatThrownBy(() -> new FileCollectExecutor().execute(context(Map.of("path", file.toString()), 4_999, uploads)))
			.hasMessageContaining("over the task's byte budget of 4999 bytes");
		assertThat(uploads.starts).isEmpty();
	}

	@Test
	void shouldCollectAFileOfExactlyTheBudget() throws Exception {
		Path file = Files.write(dir.resolve("exact.bin"), new byte[4_000]);
		RecordingUploads uploads = new RecordingUploads();

		new FileCollectExecutor().execute(context(Map.of("path", file.toString()), 4_000, uploads));

		assertThat(uploads.received.size()).isEqualTo(4_000);
	}

}
