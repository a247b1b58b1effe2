package io.iterdef.agent.server.upload;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadIT extends AgentServerStackSupport {

	@Test
	void shouldRefuseAnUploadOverTheLimitWith413() {
		AgentClient agent = enrolledAgent();
		String taskId = leasedCollectTask(agent);

		HttpResponse<String> refused = agent.uploadStart(taskId, new UploadStart("big.bin", 200_001, "a".repeat(64)));

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("over the limit of 200000 bytes");
	}

	@Test
	void shouldStoreAChunkedUploadWhoseSha256MatchesAndNameItInTheResult() throws Exception {
		AgentClient agent = enrolledAgent();
		String taskId = leasedCollectTask(agent);
		byte[] file = random(150_000);
		UploadStarted started = started(agent.uploadStart(taskId, new UploadStart("evidence.bin", file.length, sha256(file))));
		assertThat(started.chunkBytes()).isEqualTo(65536);

		List<byte[]> chunks = chunks(file, started.chunkBytes());
		for (int i = 0; i < chunks.size(); i++) {
			assertThat(agent.chunk(started.uploadId(), i, chunks.get(i)).statusCode()).isEqualTo(204);
		}
		assertThat(agent.chunk(started.uploadId(), 1, chunks.get(1)).statusCode()).as("a repeated chunk").isEqualTo(204);
		HttpResponse<String> finished = agent.finish(started.uploadId());

		assertThat(finished.statusCode()).as(finished.body()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT state || ' ' || received_bytes FROM uploads WHERE id = :id")
			.param("id", UUID.fromString(started.uploadId())).query(String.class).single()).isEqualTo("complete 150000");
		HttpResponse<String> result = agent.result(taskId,
				new TaskResult("succeeded", null, Map.of("path", "/tmp/evidence.bin"), List.of(started.uploadId())));
		assertThat(result.statusCode()).as(result.body()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT result -> 'uploads' -> 0 ->> 'sha256' FROM tasks WHERE id = :id")
			.param("id", UUID.fromString(taskId)).query(String.class).single()).isEqualTo(sha256(file));
	}

	@Test
	void shouldDiscardAnUploadWithAWrongSha256() throws Exception {
		AgentClient agent = enrolledAgent();
		String taskId = leasedCollectTask(agent);
		byte[] file = random(100_000);
		UploadStarted started = started(agent.uploadStart(taskId, new UploadStart("x.bin", file.length, sha256(random(10)))));
		List<byte[]> chunks = chunks(file, started.chunkBytes());
		for (int i = 0; i < chunks.size(); i++) {
			assertThat(agent.chunk(started.uploadId(), i, chunks.get(i)).statusCode()).isEqualTo(204);
		}

		HttpResponse<String> finished = agent.finish(started.uploadId());

		assertThat(finished.statusCode()).isEqualTo(400);
		assertThat(finished.body()).contains("upload discarded");
		UUID id = UUID.fromString(started.uploadId());
		assertThat(jdbc.sql("SELECT state FROM uploads WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("refused");
		assertThat(jdbc.sql("SELECT count(*) FROM upload_chunks WHERE upload_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		HttpResponse<String> result = agent.result(taskId,
				new TaskResult("succeeded", null, Map.of(), List.of(started.uploadId())));
		assertThat(result.statusCode()).isEqualTo(400);
		assertThat(taskState(taskId)).isEqualTo("leased");
	}

	@Test
	void shouldRefuseAChunkOfTheWrongLengthAndAnotherAgentsUpload() throws Exception {
		AgentClient agent = enrolledAgent();
		AgentClient other = enrolledAgent();
		String taskId = leasedCollectTask(agent);
		byte[] file = random(70_000);
		UploadStarted started = started(agent.uploadStart(taskId, new UploadStart("y.bin", file.length, sha256(file))));

		assertThat(agent.chunk(started.uploadId(), 0, random(100)).statusCode()).isEqualTo(400);
		assertThat(agent.chunk(started.uploadId(), 2, random(100)).statusCode()).isEqualTo(400);
		assertThat(agent.chunk(started.uploadId(), 0, random(70_000)).statusCode()).isEqualTo(413);
		assertThat(other.chunk(started.uploadId(), 0, Arrays.copyOf(file, 65536)).statusCode()).isEqualTo(404);
		assertThat(other.uploadStart(taskId, new UploadStart("z.bin", 10, sha256(random(10)))).statusCode())
			.isEqualTo(404);
	}

	private String leasedCollectTask(AgentClient agent) {
		String taskId = queue(agent, "file.collect", Map.of());
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).hasSize(1);
		return taskId;
	}

	private static UploadStarted started(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return AgentClient.JSON.readValue(response.body(), UploadStarted.class);
	}

	private static List<byte[]> chunks(byte[] file, int size) {
		List<byte[]> chunks = new java.util.ArrayList<>();
		for (int offset = 0; offset < file.length; offset += size) {
			chunks.add(Arrays.copyOfRange(file, offset, Math.min(file.length, offset + size)));
		}
		return chunks;
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random().nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

}
