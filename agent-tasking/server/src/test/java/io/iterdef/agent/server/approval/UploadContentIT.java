package io.iterdef.agent.server.approval;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.UploadStart;
import io.iterdef.agent.protocol.UploadStarted;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.RulesStackSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class UploadContentIT extends RulesStackSupport {

	@Test
	void shouldDownloadACollectedFileWhoseSha256MatchesAndRefuseAnIncompleteOne() throws Exception {
		AgentClient agent = enrolledAgent();
		String taskId = approvedCollect(agent);
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).hasSize(1);
		byte[] file = new byte[150_000];
		new Random(7).nextBytes(file);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		UploadStarted started = AgentClient.JSON.readValue(
				agent.uploadStart(taskId, new UploadStart("/var/tmp/evil.bin", file.length, sha256)).body(),
				UploadStarted.class);
		int chunk = started.chunkBytes();
		assertThat(agent.chunk(started.uploadId(), 0, Arrays.copyOfRange(file, 0, chunk)).statusCode()).isEqualTo(204);

		HttpResponse<String> early = download(agent, started.uploadId());
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(early.body()).contains("is receiving, not complete");

		for (int i = 1; i * chunk < file.length; i++) {
			byte[] part = Arrays.copyOfRange(file, i * chunk, Math.min(file.length, (i + 1) * chunk));
			assertThat(agent.chunk(started.uploadId(), i, part).statusCode()).isEqualTo(204);
		}
		assertThat(agent.finish(started.uploadId()).statusCode()).isEqualTo(204);
		assertThat(agent.result(taskId, new TaskResult("succeeded", null, Map.of("path", "/var/tmp/evil.bin"),
				List.of(started.uploadId()))).statusCode()).isEqualTo(204);

		HttpResponse<byte[]> content = agent.sendBytes(adminRequest("/admin/v1/uploads/" + started.uploadId() + "/content"));
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.body()).isEqualTo(file);
		assertThat(content.headers().firstValue("X-Iterdef-Sha256")).hasValue(sha256);
		assertThat(content.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains("evil.bin")
			.doesNotContain("/var");
		JsonNode task = json(adminGet(agent, "/admin/v1/tasks/" + taskId));
		assertThat(task.get("state").asString()).isEqualTo("succeeded");
		assertThat(task.at("/uploads/0/sha256").asString()).isEqualTo(sha256);
		assertThat(task.at("/uploads/0/state").asString()).isEqualTo("complete");
		assertThat(task.at("/result/path").asString()).isEqualTo("/var/tmp/evil.bin");

		assertThat(download(agent, java.util.UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
		HttpResponse<String> noToken = agent.send(HttpRequest
			.newBuilder(URI.create("https://localhost:" + port + "/admin/v1/uploads/" + started.uploadId() + "/content"))
			.GET()
			.build());
		assertThat(noToken.statusCode()).isEqualTo(401);
	}

	private String approvedCollect(AgentClient agent) {
		String taskId = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks", collect(agent.agentId()), "alice"));
		assertThat(adminPost(agent, "/admin/v1/tasks/" + taskId + "/approve", Map.of(), "bob").statusCode())
			.isEqualTo(200);
		return taskId;
	}

	private HttpResponse<String> download(AgentClient agent, String uploadId) {
		return agent.send(adminRequest("/admin/v1/uploads/" + uploadId + "/content"));
	}

	private HttpRequest adminRequest(String path) {
		return HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.GET()
			.build();
	}

}
