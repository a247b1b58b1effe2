package io.iterdef.agent.server.agent;

import java.net.http.HttpResponse;
import java.util.Map;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationIT extends AgentServerStackSupport {

	@Test
	void shouldRefuseAPollWithoutCredential() {
		HttpResponse<String> response = client().poll(0);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("missing credential");
	}

	@Test
	void shouldRefuseAWrongCredential() {
		AgentClient agent = enrolledAgent();
		agent.useCredential(agent.credential() + "x");

		HttpResponse<String> response = agent.poll(0);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("unknown or revoked credential");
	}

	@Test
	void shouldRefuseARevokedAgentOnEveryPath() {
		AgentClient agent = enrolledAgent();
		String taskId = queue(agent, "process.list", Map.of());
		assertThat(agent.poll(0).statusCode()).isEqualTo(200);

		assertThat(agent.revoke(ADMIN_TOKEN, agent.agentId()).statusCode()).isEqualTo(204);

		assertThat(agent.poll(0).statusCode()).isEqualTo(401);
		assertThat(agent.result(taskId, new TaskResult("succeeded", null, Map.of(), null)).statusCode()).isEqualTo(401);
		assertThat(agent.finish("00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(401);
	}

	@Test
	void shouldRefuseAnotherProtocolVersionWith426() {
		AgentClient agent = enrolledAgent();
		HttpResponse<String> response = agent.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("https://localhost:" + port + AgentApi.POLL))
			.header(AgentApi.VERSION_HEADER, "2")
			.header("Authorization", "Bearer " + agent.credential())
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
			.build());

		assertThat(response.statusCode()).isEqualTo(426);
	}

	@Test
	void shouldRefuseTheAdminApiWithoutTheAdminToken() {
		AgentClient agent = enrolledAgent();

		assertThat(agent.revoke("wrong-token", agent.agentId()).statusCode()).isEqualTo(401);
		assertThat(agent.revoke(agent.credential(), agent.agentId()).statusCode()).isEqualTo(401);
		assertThat(agent.poll(0).statusCode()).isEqualTo(200);
	}

}
