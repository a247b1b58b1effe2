package io.iterdef.agent.server.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** POST /admin/v1/updates queues an agent.update naming the package's SHA-256; the agent gets it by polling. */
class UpdateAdminIT extends AgentServerStackSupport {

	@Autowired
	UpdatePackages packages;

	private final String version = "8.8." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "-it";

	private final byte[] content = ("PK\u0003\u0004 update package " + UUID.randomUUID())
		.getBytes(StandardCharsets.ISO_8859_1);

	@BeforeEach
	void publish() throws Exception {
		Files.createDirectories(packages.dir());
		Files.write(packages.dir().resolve(version + ".jar"), content);
		Files.writeString(packages.dir().resolve(version + ".jar.sig"), "c2lnbmF0dXJl\n");
	}

	@Test
	void shouldQueueAnUpdateWithThePackagesSha256WhenAnAdminAsks() throws Exception {
		AgentClient agent = enrolledAgent();

		HttpResponse<String> created = update(agent, ADMIN_TOKEN, "alice", Map.of("agentId", agent.agentId(),
				"version", version));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String sha256 = UpdatePackages.sha256(packages.dir().resolve(version + ".jar"));
		assertThat(created.body()).contains("\"state\":\"queued\"").contains(sha256);
		String taskId = AgentClient.taskId(created);
		assertThat(jdbc.sql("SELECT requested_by || '/' || source || '/' || type FROM tasks WHERE id = :id")
			.param("id", UUID.fromString(taskId)).query(String.class).single())
			.isEqualTo("alice/analyst/agent.update");
		PollResponse polled = AgentClient.JSON.readValue(agent.poll(0).body(), PollResponse.class);
		assertThat(polled.tasks()).hasSize(1);
		TaskAssignment task = polled.tasks().get(0);
		assertThat(task.type()).isEqualTo("agent.update");
		assertThat(task.params()).isEqualTo(Map.of("version", version, "sha256", sha256));
		assertThat(task.limits().maxBytes()).isGreaterThanOrEqualTo(content.length);
	}

	@Test
	void shouldRefuseAnUnknownOrUnsignedPackageAndAMissingActor() throws Exception {
		AgentClient agent = enrolledAgent();
		Files.delete(packages.dir().resolve(version + ".jar.sig"));

		HttpResponse<String> unsigned = update(agent, ADMIN_TOKEN, "alice",
				Map.of("agentId", agent.agentId(), "version", version));
		HttpResponse<String> unknown = update(agent, ADMIN_TOKEN, "alice",
				Map.of("agentId", agent.agentId(), "version", "0.0.0-none"));
		HttpResponse<String> traversal = update(agent, ADMIN_TOKEN, "alice",
				Map.of("agentId", agent.agentId(), "version", "../secret"));
		HttpResponse<String> noActor = update(agent, ADMIN_TOKEN, null,
				Map.of("agentId", agent.agentId(), "version", version));
		HttpResponse<String> noAgent = update(agent, ADMIN_TOKEN, "alice",
				Map.of("agentId", UUID.randomUUID().toString(), "version", version));

		assertThat(unsigned.statusCode()).isEqualTo(404);
		assertThat(unsigned.body()).contains(version + ".jar.sig");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(traversal.statusCode()).isEqualTo(400);
		assertThat(noActor.statusCode()).isEqualTo(400);
		assertThat(noActor.body()).contains("X-Iterdef-Actor");
		assertThat(noAgent.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE agent_id = :id")
			.param("id", UUID.fromString(agent.agentId())).query(Long.class).single()).isZero();
	}

	@Test
	void shouldRefuseTheUpdateFlowWithoutTheAdminToken() {
		AgentClient agent = enrolledAgent();

		HttpResponse<String> asAgent = update(agent, agent.credential(), "alice",
				Map.of("agentId", agent.agentId(), "version", version));

		assertThat(asAgent.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> update(AgentClient agent, String token, String actor, Map<String, Object> body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/admin/v1/updates"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(AgentClient.JSON.writeValueAsString(body)));
		if (actor != null) {
			request.header(UpdateAdminController.ACTOR_HEADER, actor);
		}
		return agent.send(request.build());
	}

}
