package io.iterdef.agent.server.hunt;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.server.AgentClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The hunts admin API on the real server: approvals (four eyes), per-host status, done, and what it refuses. */
class HuntApiIT extends HuntStackSupport {

	private static final Duration SOON = Duration.ofSeconds(15);

	@Test
	void shouldNeedASecondPersonToApproveAFileCollectHunt() {
		String tag = newTag();
		enroll("linux", Map.of("hunt", tag));
		HttpResponse<String> created = admin("POST", "/admin/v1/hunts", "alice",
				hunt(tag, Map.of("type", "file.collect", "params", Map.of("path", "/etc/hostname"))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created).get("state").asString()).isEqualTo("awaiting_approval");
		UUID hunt = UUID.fromString(json(created).get("huntId").asString());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> targets(hunt) == 0);

		HttpResponse<String> self = action(hunt, "approve", "alice", Map.of("note", "mine"));

		assertThat(self.statusCode()).isEqualTo(409);
		assertThat(json(self).get("error").asString())
			.isEqualTo("a second person must approve: alice asked for this hunt");
		assertThat(state(hunt)).isEqualTo("awaiting_approval");

		HttpResponse<String> approved = action(hunt, "approve", "bob", Map.of("note", "ok, incident 42"));

		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		assertThat(json(approved).get("state").asString()).isEqualTo("running");
		assertThat(json(approved).get("approvedBy").asString()).isEqualTo("bob");
		assertThat(json(approved).get("decisionNote").asString()).isEqualTo("ok, incident 42");
		assertThat(json(approved).get("decidedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(json(approved).get("targetLabels").get("hunt").asString()).isEqualTo(tag);
		assertThat(json(approved).get("params").get("path").asString()).isEqualTo("/etc/hostname");
		await().atMost(SOON).until(() -> tasks(hunt) == 1);
		assertThat(jdbc.sql("""
				SELECT requested_by || ' ' || approved_by || ' ' || source || ' ' || state || ' ' || type
				FROM tasks WHERE hunt_id = :id""").param("id", hunt).query(String.class).single())
			.isEqualTo("alice bob hunt queued file.collect");
		assertThat(action(hunt, "approve", "carol", null).statusCode()).isEqualTo(409);
	}

	@Test
	void shouldDenyAHuntAndNeverStartIt() {
		String tag = newTag();
		enroll("linux", Map.of("hunt", tag));
		UUID hunt = createHunt("alice", hunt(tag, Map.of("type", "memory.scan")));

		assertThat(action(hunt, "deny", "alice", Map.of("note", "no")).statusCode()).isEqualTo(409);
		HttpResponse<String> denied = action(hunt, "deny", "bob", Map.of("note", "too broad"));

		assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);
		assertThat(json(denied).get("state").asString()).isEqualTo("denied");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> targets(hunt) == 0);
	}

	@Test
	void shouldReportEachHostDoneFailedOrOffline() {
		String tag = newTag();
		TestAgent ok = enroll("linux", Map.of("hunt", tag));
		TestAgent failing = enroll("linux", Map.of("hunt", tag));
		TestAgent gone = enroll("linux", Map.of("hunt", tag));
		UUID hunt = createHunt("alice", hunt(tag, Map.of()));
		await().atMost(SOON).until(() -> tasks(hunt) == 3);

		answer(hunt, ok, new TaskResult("succeeded", null, Map.of("processes", java.util.List.of()), null));
		answer(hunt, failing, new TaskResult("failed", "no /proc here", Map.of(), null));
		assertThat(gone.client().revoke(ADMIN_TOKEN, gone.id().toString()).statusCode()).isEqualTo(204);

		JsonNode details = details(hunt);
		assertThat(details.get("counts").get("done").asLong()).isEqualTo(1);
		assertThat(details.get("counts").get("failed").asLong()).isEqualTo(1);
		assertThat(details.get("counts").get("offline").asLong()).isEqualTo(1);
		assertThat(details.get("counts").get("pending").asLong()).isZero();
		assertThat(details.get("counts").get("running").asLong()).isZero();
		assertThat(status(details, ok)).isEqualTo("done");
		assertThat(status(details, failing)).isEqualTo("failed");
		assertThat(status(details, gone)).isEqualTo("offline");
		assertThat(details.get("state").asString()).isEqualTo("running");
	}

	@Test
	void shouldBeDoneWhenEveryAgentFinished() {
		String tag = newTag();
		TestAgent a = enroll("linux", Map.of("hunt", tag));
		TestAgent b = enroll("linux", Map.of("hunt", tag));
		UUID hunt = createHunt("alice", hunt(tag, Map.of()));
		await().atMost(SOON).until(() -> tasks(hunt) == 2);

		answer(hunt, a, new TaskResult("succeeded", null, Map.of(), null));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(4)).until(() -> state(hunt).equals("running"));
		answer(hunt, b, new TaskResult("failed", "denied by the OS", Map.of(), null));

		await().atMost(SOON).until(() -> state(hunt).equals("done"));
		assertThat(details(hunt).get("hosts")).hasSize(2);
	}

	@Test
	void shouldRefuseWhatAHuntMayNotBe() {
		String tag = newTag();
		assertRefused(admin("POST", "/admin/v1/hunts", null, hunt(tag, Map.of())), 400, "X-Iterdef-Actor");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of("type", "agent.update"))), 400,
				"agent.update cannot be hunted");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of("type", "shell.exec"))), 400,
				"not on the allow-list");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of("ratePerMinute", 0))), 400,
				"ratePerMinute 0");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of("clientLimit", 1_000_001))), 400,
				"clientLimit");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of("expiresInSeconds", 8 * 86_400))),
				400, "expiresInSeconds");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of("targetOs", "macos"))), 400,
				"unknown target OS");
		assertRefused(admin("POST", "/admin/v1/hunts", "alice",
				hunt(tag, Map.of("params", Map.of("x", "y".repeat(20_000))))), 400, "parameters too large");
		assertRefused(adminAs("wrong-token", "POST", "/admin/v1/hunts", "alice", hunt(tag, Map.of())), 401,
				"admin token");
		assertRefused(adminAs(null, "GET", "/admin/v1/hunts/" + UUID.randomUUID(), null, null), 401, "admin token");
		assertRefused(admin("GET", "/admin/v1/hunts/" + UUID.randomUUID(), null, null), 404, "no hunt");
		UUID hunt = createHunt("alice", hunt(tag, Map.of()));
		assertRefused(action(hunt, "pause", null, null), 400, "X-Iterdef-Actor");
		assertRefused(action(hunt, "approve", "bob", null), 409, "not awaiting approval");
		assertThat(jdbc.sql("SELECT count(*) FROM hunts WHERE name = :name").param("name", "hunt " + tag)
			.query(Long.class).single()).isEqualTo(1);
	}

	/** The agent polls its task of this hunt and answers it (any other task it gets stays unanswered). */
	private void answer(UUID hunt, TestAgent agent, TaskResult result) {
		String taskId = jdbc.sql("SELECT task_id FROM hunt_targets WHERE hunt_id = :hunt AND agent_id = :agent")
			.param("hunt", hunt)
			.param("agent", agent.id())
			.query(UUID.class)
			.single()
			.toString();
		assertThat(AgentClient.tasks(agent.client().poll(0)).tasks()).extracting(TaskAssignment::taskId)
			.contains(taskId);
		HttpResponse<String> answered = agent.client().result(taskId, result);
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
	}

	private static String status(JsonNode details, TestAgent agent) {
		for (JsonNode host : details.get("hosts")) {
			if (host.get("agentId").asString().equals(agent.id().toString())) {
				assertThat(host.get("hostname").asString()).isEqualTo(agent.hostname());
				return host.get("status").asString();
			}
		}
		throw new AssertionError("agent " + agent.id() + " is not among the hunt's hosts: " + details.get("hosts"));
	}

	private static void assertRefused(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains(error).contains("\"hint\"");
	}

}
