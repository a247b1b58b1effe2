package io.iterdef.agent.server;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the approval, rule-request and download ITs: one application context with approvals required, a rule
 * limit of {@value #PER_HOST} tasks per rule and host, and its own random iterdef.tasks topic and consumer group
 * (so no other test JVM on the shared Kafka reads what these tests publish).
 */
@TestPropertySource(properties = { "iterdef.agent.approval-required=true",
		"iterdef.agent.rules.per-host=" + RulesStackSupport.PER_HOST, "iterdef.agent.rules.window=PT10M" })
public abstract class RulesStackSupport extends AgentServerStackSupport {

	public static final int PER_HOST = 2;

	public static final String TASKS_TOPIC = "rules-it-" + UUID.randomUUID().toString().substring(0, 8) + ".iterdef.tasks";

	@DynamicPropertySource
	static void rulesTopic(DynamicPropertyRegistry registry) {
		registry.add("iterdef.topics.tasks", () -> TASKS_TOPIC);
		registry.add("iterdef.agent.rules.group", () -> TASKS_TOPIC + ".group");
	}

	/** POST on the admin API as {@code actor} (null: without the actor header). */
	protected HttpResponse<String> adminPost(AgentClient client, String path, Object body, String actor) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(AgentClient.JSON.writeValueAsBytes(body)));
		if (actor != null) {
			request.header("X-Iterdef-Actor", actor);
		}
		return client.send(request.build());
	}

	protected HttpResponse<String> adminGet(AgentClient client, String path) {
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.GET()
			.build());
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return AgentClient.JSON.readTree(response.body());
	}

	/** The host name an agent enrolled with. */
	protected String hostname(AgentClient agent) {
		return jdbc.sql("SELECT hostname FROM agents WHERE id = :id")
			.param("id", UUID.fromString(agent.agentId()))
			.query(String.class)
			.single();
	}

	protected static Map<String, Object> collect(String agentId) {
		return Map.of("agentId", agentId, "type", "file.collect", "params", Map.of("path", "/etc/hostname"), "reason",
				"suspicious file on the host");
	}

}
