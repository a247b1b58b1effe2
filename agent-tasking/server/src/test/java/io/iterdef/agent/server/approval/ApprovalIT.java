package io.iterdef.agent.server.approval;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.RulesStackSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalIT extends RulesStackSupport {

	@Test
	void shouldWaitForASecondPersonsApprovalBeforeTheAgentGetsTheTask() {
		AgentClient agent = enrolledAgent();
		HttpResponse<String> created = adminPost(agent, "/admin/v1/tasks", collect(agent.agentId()), "alice");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created).get("state").asString()).isEqualTo("awaiting_approval");
		String taskId = AgentClient.taskId(created);
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).isEmpty();

		HttpResponse<String> self = adminPost(agent, "/admin/v1/tasks/" + taskId + "/approve", Map.of(), "alice");
		assertThat(self.statusCode()).isEqualTo(409);
		assertThat(json(self).get("error").asString())
			.isEqualTo("a second person must approve: alice asked for this task");
		assertThat(taskState(taskId)).isEqualTo("awaiting_approval");

		HttpResponse<String> approved = adminPost(agent, "/admin/v1/tasks/" + taskId + "/approve",
				Map.of("note", "looks right"), "bob");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		JsonNode task = json(approved);
		assertThat(task.get("state").asString()).isEqualTo("queued");
		assertThat(task.get("requestedBy").asString()).isEqualTo("alice");
		assertThat(task.get("approvedBy").asString()).isEqualTo("bob");
		assertThat(task.get("decisionNote").asString()).isEqualTo("looks right");
		assertThat(task.get("reason").asString()).isEqualTo("suspicious file on the host");
		assertThat(task.get("decidedAt").asString()).isNotBlank();

		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).extracting(TaskAssignment::taskId).containsExactly(taskId);
		HttpResponse<String> again = adminPost(agent, "/admin/v1/tasks/" + taskId + "/approve", Map.of(), "carol");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("is leased, not awaiting approval");
	}

	@Test
	void shouldKeepTheFourEyesRuleInTheDatabaseToo() {
		AgentClient agent = enrolledAgent();
		String taskId = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks", collect(agent.agentId()), "alice"));

		int changed = 0;
		try {
			changed = jdbc.sql("UPDATE tasks SET state = 'queued', approved_by = requested_by WHERE id = :id::uuid")
				.param("id", taskId)
				.update();
		}
		catch (org.springframework.dao.DataIntegrityViolationException expected) {
			assertThat(expected.getMessage()).contains("tasks_approver_check");
		}
		assertThat(changed).isZero();
		assertThat(taskState(taskId)).isEqualTo("awaiting_approval");
	}

	@Test
	void shouldDenyWithANoteAndNeverRunTheTask() {
		AgentClient agent = enrolledAgent();
		String taskId = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks", collect(agent.agentId()), "alice"));

		assertThat(adminPost(agent, "/admin/v1/tasks/" + taskId + "/deny", Map.of(), "bob").statusCode()).isEqualTo(400);
		assertThat(adminPost(agent, "/admin/v1/tasks/" + taskId + "/deny", Map.of("note", "mine"), "alice").statusCode())
			.isEqualTo(409);
		HttpResponse<String> denied = adminPost(agent, "/admin/v1/tasks/" + taskId + "/deny",
				Map.of("note", "not needed for this incident"), "bob");

		assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);
		assertThat(json(denied).get("state").asString()).isEqualTo("denied");
		assertThat(json(denied).get("decisionNote").asString()).isEqualTo("not needed for this incident");
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).isEmpty();
		assertThat(adminPost(agent, "/admin/v1/tasks/" + taskId + "/approve", Map.of(), "carol").statusCode())
			.isEqualTo(409);
	}

	@Test
	void shouldCancelAWaitingOrQueuedTaskButNotALeasedOne() {
		AgentClient agent = enrolledAgent();
		String waiting = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks", collect(agent.agentId()), "alice"));
		HttpResponse<String> cancelled = adminPost(agent, "/admin/v1/tasks/" + waiting + "/cancel", Map.of(), "alice");
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(json(cancelled).get("state").asString()).isEqualTo("cancelled");

		String queued = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks",
				Map.of("host", hostname(agent).toUpperCase(), "type", "process.list"), "alice"));
		assertThat(taskState(queued)).isEqualTo("queued");
		assertThat(adminPost(agent, "/admin/v1/tasks/" + queued + "/cancel", Map.of(), "bob").statusCode())
			.isEqualTo(200);
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).isEmpty();

		String leased = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks",
				Map.of("agentId", agent.agentId(), "type", "agent.info"), "alice"));
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).hasSize(1);
		HttpResponse<String> late = adminPost(agent, "/admin/v1/tasks/" + leased + "/cancel", Map.of(), "alice");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("is leased and cannot be cancelled");
	}

	@Test
	void shouldRefuseWithoutActorAndOffTheAllowListAndAgentUpdate() {
		AgentClient agent = enrolledAgent();
		Map<String, Object> info = Map.of("agentId", agent.agentId(), "type", "agent.info");

		HttpResponse<String> anonymous = adminPost(agent, "/admin/v1/tasks", info, null);
		assertThat(anonymous.statusCode()).isEqualTo(400);
		assertThat(anonymous.body()).contains("X-Iterdef-Actor");
		HttpResponse<String> shell = adminPost(agent, "/admin/v1/tasks",
				Map.of("agentId", agent.agentId(), "type", "shell.exec", "params", Map.of("command", "id")), "alice");
		assertThat(shell.statusCode()).isEqualTo(400);
		assertThat(shell.body()).contains("not on the allow-list");
		HttpResponse<String> update = adminPost(agent, "/admin/v1/tasks",
				Map.of("agentId", agent.agentId(), "type", "agent.update"), "alice");
		assertThat(update.statusCode()).isEqualTo(400);
		assertThat(update.body()).contains("agent update flow");
		assertThat(adminPost(agent, "/admin/v1/agents/" + agent.agentId() + "/revoke", Map.of(), null).statusCode())
			.as("revoke without X-Iterdef-Actor").isEqualTo(400);
		assertThat(adminPost(agent, "/admin/v1/tasks/" + java.util.UUID.randomUUID() + "/approve", Map.of(), "bob")
			.statusCode()).isEqualTo(404);
		assertThat(adminPost(agent, "/admin/v1/tasks", Map.of("host", "nobody.example.test", "type", "agent.info"),
				"alice").statusCode()).isEqualTo(404);
		HttpResponse<String> noIncident = adminPost(agent, "/admin/v1/tasks",
				Map.of("agentId", agent.agentId(), "type", "agent.info", "incidentId", Long.MAX_VALUE), "alice");
		assertThat(noIncident.statusCode()).isEqualTo(400);
		assertThat(noIncident.body()).contains("no incident " + Long.MAX_VALUE);
		assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE agent_id = :id::uuid").param("id", agent.agentId())
			.query(Long.class).single()).isZero();
	}

	@Test
	void shouldShowATaskAndListTheAgents() {
		AgentClient agent = enrolledAgent();
		Map<String, Object> body = new HashMap<>(Map.of("host", hostname(agent), "type", "process.list", "params",
				Map.of(), "reason", "triage", "maxAttempts", 2));
		String taskId = AgentClient.taskId(adminPost(agent, "/admin/v1/tasks", body, "alice"));

		HttpResponse<String> got = adminGet(agent, "/admin/v1/tasks/" + taskId);

		assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
		JsonNode task = json(got);
		assertThat(task.get("agentId").asString()).isEqualTo(agent.agentId());
		assertThat(task.get("host").asString()).isEqualTo(hostname(agent));
		assertThat(task.get("type").asString()).isEqualTo("process.list");
		assertThat(task.get("source").asString()).isEqualTo("analyst");
		assertThat(task.get("requestedBy").asString()).isEqualTo("alice");
		assertThat(task.get("maxAttempts").asInt()).isEqualTo(2);
		assertThat(task.get("uploads").isArray()).isTrue();
		assertThat(adminGet(agent, "/admin/v1/tasks/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);

		HttpResponse<String> agents = adminGet(agent, "/admin/v1/agents");
		assertThat(agents.statusCode()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode a : json(agents)) {
			if (a.get("id").asString().equals(agent.agentId())) {
				mine = a;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("hostname").asString()).isEqualTo(hostname(agent));
		assertThat(mine.get("labels").get("site").asString()).isEqualTo("it");
		assertThat(mine.get("revokedAt").isNull()).isTrue();
	}

}
