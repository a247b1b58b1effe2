package io.iterdef.agent.server.hunt;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.EnrollRequest;
import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.HostFacts;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the hunt ITs: the agent server of {@link AgentServerStackSupport} with approvals on and a fast rollout
 * (every 200 ms), so a test sees the scheduler's cycles without waiting long. Each test targets agents by a label
 * of its own ({@code hunt=<random tag>}), so hunts never pick up other tests' agents.
 */
@TestPropertySource(properties = { "iterdef.agent.approval-required=true", "iterdef.agent.hunt-interval=PT0.2S" })
abstract class HuntStackSupport extends AgentServerStackSupport {

	/** An enrolled test agent: its client (with its credential), id and host name. */
	record TestAgent(AgentClient client, UUID id, String hostname) {
	}

	static String newTag() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/** Enrolls an agent on a random host name with these labels and OS. */
	TestAgent enroll(String os, Map<String, String> labels) {
		enrollLimiter.clear();
		AgentClient client = client();
		String hostname = AgentClient.newHostname();
		HttpResponse<String> response = client.post(AgentApi.ENROLL, new EnrollRequest(SECRET,
				new HostFacts(hostname, os, "test", "0.1.0", List.of("127.0.0.1"), labels)), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		EnrollResponse enrolled = AgentClient.JSON.readValue(response.body(), EnrollResponse.class);
		client.useCredential(enrolled.credential());
		return new TestAgent(client, UUID.fromString(enrolled.agentId()), hostname);
	}

	/** A hunt request over the agents labelled {@code hunt=tag}, with these fields changed. */
	static Map<String, Object> hunt(String tag, Map<String, Object> changes) {
		Map<String, Object> hunt = new HashMap<>(Map.of("name", "hunt " + tag, "type", "process.list", "params",
				Map.of(), "targetLabels", Map.of("hunt", tag), "ratePerMinute", 100, "clientLimit", 100,
				"expiresInSeconds", 300, "reason", "IT"));
		hunt.putAll(changes);
		return hunt;
	}

	/** Creates a hunt as {@code actor}; asserts 201 and returns its id. */
	UUID createHunt(String actor, Map<String, Object> hunt) {
		HttpResponse<String> created = admin("POST", "/admin/v1/hunts", actor, hunt);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return UUID.fromString(json(created).get("huntId").asString());
	}

	HttpResponse<String> action(UUID hunt, String action, String actor, Object body) {
		return admin("POST", "/admin/v1/hunts/" + hunt + "/" + action, actor, body);
	}

	JsonNode details(UUID hunt) {
		HttpResponse<String> response = admin("GET", "/admin/v1/hunts/" + hunt, null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	/** An admin API call with the admin token, and X-Iterdef-Actor when {@code actor} is not null. */
	HttpResponse<String> admin(String method, String path, String actor, Object body) {
		return adminAs(ADMIN_TOKEN, method, path, actor, body);
	}

	HttpResponse<String> adminAs(String token, String method, String path, String actor, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(AgentClient.JSON.writeValueAsBytes(body)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (actor != null) {
			request.header("X-Iterdef-Actor", actor);
		}
		return client().send(request.build());
	}

	static JsonNode json(HttpResponse<String> response) {
		return AgentClient.JSON.readTree(response.body());
	}

	long tasks(UUID hunt) {
		return jdbc.sql("SELECT count(*) FROM tasks WHERE hunt_id = :id").param("id", hunt).query(Long.class).single();
	}

	long targets(UUID hunt) {
		return jdbc.sql("SELECT count(*) FROM hunt_targets WHERE hunt_id = :id").param("id", hunt)
			.query(Long.class)
			.single();
	}

	String state(UUID hunt) {
		return jdbc.sql("SELECT state FROM hunts WHERE id = :id").param("id", hunt).query(String.class).single();
	}

	/** Moves the hunt's starts back by more than a minute, as if the rate's window had passed. */
	void letTheMinutePass(UUID hunt) {
		jdbc.sql("""
				UPDATE hunt_targets SET started_at = started_at - interval '61 seconds'
				WHERE hunt_id = :id AND started_at IS NOT NULL""").param("id", hunt).update();
	}

}
