package io.iterdef.agent.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's "Done when" across real processes: the agent server, two agents (A and B) and the streams app on the
 * shared Kafka, Elasticsearch and PostgreSQL. The tests share one run; the ones that restart or kill an agent come
 * last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentsEndToEndIT extends EndToEndSupport {

	/** The built-in rule "LSASS memory access by a non-system process". */
	static final String LSASS_RULE_ID = "1f5545ce-c189-4794-bf62-026bcf939c2e";

	private static String processListTaskOnA;

	@Test
	@Order(1)
	void bothAgentsEnrollAndKeepPolling() {
		for (String host : List.of(run.hostA(), run.hostB())) {
			List<Map<String, Object>> rows = run.query(
					"SELECT id::text AS id, labels::text AS labels, last_seen_at FROM agents WHERE hostname = ? AND revoked_at IS NULL",
					host);
			assertThat(rows).as("unrevoked agents of %s", host).hasSize(1);
			assertThat(rows.get(0).get("labels").toString()).contains("\"run\": \"" + run.id + "\"");
			Timestamp first = (Timestamp) rows.get(0).get("last_seen_at");
			within(30).until(() -> {
				Timestamp now = (Timestamp) run.query("SELECT last_seen_at FROM agents WHERE id = ?::uuid",
						rows.get(0).get("id")).get(0).get("last_seen_at");
				return now.after(first);
			});
		}
		assertThat(run.agentA.identity().getProperty("agent.id")).isEqualTo(run.agentId(run.hostA()));
	}

	@Test
	@Order(2)
	void aRevokedAgentIsRefusedAndEnrollsAgain() {
		String oldId = run.agentId(run.hostB());
		String oldCredential = run.agentB.identity().getProperty("agent.credential");
		ServerApi.Response revoked = run.api.adminPost("/admin/v1/agents/" + oldId + "/revoke", "bob", null);
		assertThat(revoked.status()).as("revoke: %s", revoked).isBetween(200, 204);

		ServerApi.Response poll = run.api.poll(oldCredential, 1);
		assertThat(poll.status()).as("a poll with the revoked credential: %s", poll).isEqualTo(401);
		within(60).until(() -> {
			String id = run.agentId(run.hostB());
			return id != null && !id.equals(oldId);
		});
		assertThat(run.agentB.alive()).as("agent B keeps running").isTrue();
		assertThat(run.agentB.log()).contains("enrolling again");
		within(10).until(() -> run.agentId(run.hostB()).equals(run.agentB.identity().getProperty("agent.id")));
	}

	@Test
	@Order(3)
	void anAnalystsProcessListRunsOnAgentAAndItsResultGoesToIterdefRaw() throws Exception {
		String taskId = processListOnA();
		assertThat(run.taskState(taskId)).isEqualTo("succeeded");
		Map<String, Object> row = run.query("SELECT source, requested_by, attempts FROM tasks WHERE id = ?::uuid", taskId)
			.get(0);
		assertThat(row).containsEntry("source", "analyst").containsEntry("requested_by", "alice")
			.containsEntry("attempts", 1);

		List<ConsumerRecord<byte[], byte[]>> results = run.kafka.read(run.topic("iterdef.raw"),
				r -> KafkaProbe.value(r).contains(taskId));
		assertThat(results).as("the agent-result record of task %s", taskId).hasSize(1);
		ConsumerRecord<byte[], byte[]> record = results.get(0);
		assertThat(KafkaProbe.header(record, "iterdef.format")).isEqualTo("agent-result");
		assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(run.hostA());
		JsonNode value = ServerApi.JSON.readTree(record.value());
		assertThat(value.path("recordType").asText()).isEqualTo("agent-result");
		assertThat(value.path("taskType").asText()).isEqualTo("process.list");
		assertThat(value.path("status").asText()).isEqualTo("succeeded");
		assertThat(value.path("host").asText()).isEqualTo(run.hostA());
		assertThat(value.path("requestedBy").asText()).isEqualTo("alice");
		List<Long> pids = value.path("data").path("processes").findValues("pid").stream().map(JsonNode::asLong).toList();
		assertThat(pids).as("agent A's own process is in its list").contains(run.agentA.pid());
	}

	/** Needs wt-detect (agent-result decoding in the normalize topology). */
	@Test
	@Order(4)
	void theProcessListArrivesAsEventsInIterdefEventsAndElasticsearch() {
		String taskId = processListOnA();
		within(60).until(() -> !recordsWhere("iterdef.events", "iterdef.task.id", taskId).isEmpty());
		List<JsonNode> events = recordsWhere("iterdef.events", "iterdef.task.id", taskId);
		for (JsonNode event : events) {
			assertThat(text(event, "host.name")).isEqualTo(run.hostA());
			assertThat(text(event, "event.module")).isEqualTo("iterdef-agent");
			assertThat(text(event, "event.dataset")).isEqualTo("agent.process.list");
			assertThat(text(event, "iterdef.task.type")).isEqualTo("process.list");
			assertThat(text(event, "iterdef.task.source")).isEqualTo("analyst");
			assertThat(text(event, "iterdef.task.requested_by")).isEqualTo("alice");
		}
		assertThat(events.stream().map(e -> text(e, "process.pid")))
			.as("one event per process, agent A's among them").contains(Long.toString(run.agentA.pid()));

		Map<String, Object> query = Map.of("bool", Map.of("filter", List.of(
				Map.of("term", Map.of("host.name", run.hostA())),
				Map.of("match_phrase", Map.of("iterdef.task.id", taskId)))));
		// until all of them are searchable, not just the first: the indexer's bulks (1000 operations or 500 ms) and
		// Elasticsearch's refreshes can make the task's events visible in parts
		within(60).until(() -> run.searchEvents(query, 10000).size() >= events.size());
		JsonNode hits = run.searchEvents(query, 10000);
		assertThat(hits.size()).as("the task's events in Elasticsearch").isEqualTo(events.size());
	}

	/** Needs wt-rules (the server's iterdef.tasks consumer). */
	@Test
	@Order(5)
	void aRuleRequestedTaskOnIterdefTasksIsQueuedOnceAndRuns() {
		String alertId = "e2e-alert-" + UUID.randomUUID();
		String ruleId = UUID.randomUUID().toString();
		Map<String, Object> request = ruleRequest(alertId, ruleId, "process.list", Map.of(), 0);
		sendTaskRequest(request);
		sendTaskRequest(request); // a replay: the same requestId
		within(60).until(() -> run.queryString("SELECT id::text FROM tasks WHERE alert_id = ?", alertId) != null);
		String taskId = run.queryString("SELECT id::text FROM tasks WHERE alert_id = ?", alertId);
		assertThat(awaitFinished(taskId, 60)).isEqualTo("succeeded");
		Map<String, Object> row = run.query("SELECT source, rule_id, agent_id::text AS agent FROM tasks WHERE id = ?::uuid",
				taskId).get(0);
		assertThat(row).containsEntry("source", "rule").containsEntry("rule_id", ruleId)
			.containsEntry("agent", run.agentId(run.hostA()));
		assertThat(run.query("SELECT outcome FROM rule_task_requests WHERE request_id = ?", request.get("requestId")))
			.as("the request recorded once").hasSize(1);
		assertThat(run.query("SELECT id FROM tasks WHERE alert_id = ?", alertId)).as("the replay queued nothing").hasSize(1);
		within(30).until(() -> !recordsWhere("iterdef.raw", "taskId", taskId).isEmpty());
		assertThat(text(recordsWhere("iterdef.raw", "taskId", taskId).get(0), "source")).isEqualTo("rule");
	}

	/** Needs wt-rules (consumer, allow-lists) for the rule part; the analyst part runs on the first slice. */
	@Test
	@Order(6)
	void aTaskTypeOutsideTheAllowListIsRefusedForAnalystsAndRules() {
		ServerApi.Response shell = createTask("alice", run.agentId(run.hostA()), "shell.exec", Map.of("cmd", "id"), Map.of());
		assertThat(shell.status()).as("%s", shell).isEqualTo(400);
		assertThat(shell.json().path("error").asText()).isNotBlank();

		String alertId = "e2e-alert-" + UUID.randomUUID();
		String ruleId = UUID.randomUUID().toString();
		Map<String, Object> outside = ruleRequest(alertId, ruleId, "shell.exec", Map.of("cmd", "id"), 0);
		Map<String, Object> notForRules = ruleRequest(alertId, ruleId, "file.collect", Map.of("path", "/etc/hostname"), 1);
		Map<String, Object> allowed = ruleRequest(alertId, ruleId, "agent.info", Map.of(), 2);
		sendTaskRequest(outside);
		sendTaskRequest(notForRules);
		sendTaskRequest(allowed); // same key, same partition: once it is recorded the two before it are too
		within(60).until(() -> run.queryString("SELECT outcome FROM rule_task_requests WHERE request_id = ?",
				allowed.get("requestId")) != null);
		assertThat(run.queryString("SELECT outcome FROM rule_task_requests WHERE request_id = ?", outside.get("requestId")))
			.isEqualTo("refused");
		assertThat(run.queryString("SELECT outcome FROM rule_task_requests WHERE request_id = ?",
				notForRules.get("requestId"))).isEqualTo("refused");
		assertThat(run.query("SELECT type FROM tasks WHERE alert_id = ?", alertId)).extracting(r -> r.get("type"))
			.containsExactly("agent.info");
	}

	/**
	 * The loop: a Sysmon 10 (LSASS access) for host A raises the LSASS rule's alert, which queues process.list and
	 * file.hash of the accessing image on A; what A returns makes the second rule fire. Needs wt-detect and wt-rules.
	 */
	@Test
	@Order(7)
	void anLsassAccessQueuesCollectionOnThatHostAndASecondRuleFiresOnWhatComesBack() throws Exception {
		Path tools = Files.createDirectories(run.dir.resolve("tools"));
		Path image = tools.resolve("lsass-dumper.exe");
		Files.copy(Path.of("/bin/sleep"), image);
		image.toFile().setExecutable(true);
		Process accessor = new ProcessBuilder(image.toString(), "600").start();
		run.started.add(accessor::destroyForcibly);
		String sha256 = sha256(Files.readAllBytes(image));

		Instant now = Instant.now();
		run.kafka.send(run.topic("iterdef.raw"), "e2e-" + run.id, sysmon10(run.hostA(), image.toString(), accessor.pid(), now)
			.getBytes(StandardCharsets.UTF_8),
				Map.of("iterdef.received", Long.toString(now.toEpochMilli()), "iterdef.source", "e2e-" + run.id));

		within(90).until(() -> !alertsOf(run.hostA(), LSASS_RULE_ID).isEmpty());
		within(60).until(() -> run.query("SELECT type FROM tasks WHERE agent_id = ?::uuid AND source = 'rule' AND rule_id = ?",
				UUID.fromString(run.agentId(run.hostA())), LSASS_RULE_ID).size() >= 2);
		List<Map<String, Object>> tasks = run.query(
				"SELECT id::text AS id, type, params::text AS params FROM tasks WHERE agent_id = ?::uuid AND rule_id = ?",
				UUID.fromString(run.agentId(run.hostA())), LSASS_RULE_ID);
		assertThat(tasks).extracting(t -> t.get("type")).contains("process.list", "file.hash");
		assertThat(tasks).filteredOn(t -> "file.hash".equals(t.get("type"))).extracting(t -> t.get("params").toString())
			.allMatch(p -> p.contains(image.toString().replace("\\", "\\\\")));
		for (Map<String, Object> task : tasks) {
			assertThat(awaitFinished(task.get("id").toString(), 60)).isEqualTo("succeeded");
		}

		within(90).until(() -> alerts(run.hostA()).stream()
			.anyMatch(a -> !LSASS_RULE_ID.equals(text(a, "rule.id"))
					&& String.valueOf(text(a, "rule.name")).toLowerCase().contains("lsass")));
		JsonNode second = alerts(run.hostA()).stream().filter(a -> !LSASS_RULE_ID.equals(text(a, "rule.id"))).findFirst()
			.orElseThrow();
		System.out.println("e2e: the loop's second alert: " + second);
		assertThat(second.toString()).as("the second alert is about the accessor: pid, image or hash")
			.containsAnyOf(Long.toString(accessor.pid()), sha256, image.getFileName().toString());
	}

	/** Needs wt-hunts. */
	@Test
	@Order(8)
	void aHuntOverBothAgentsRollsOutAtItsRate() {
		Map<String, Object> hunt = new LinkedHashMap<>();
		hunt.put("name", "e2e hunt " + run.id);
		hunt.put("type", "agent.info");
		hunt.put("params", Map.of());
		hunt.put("targetLabels", Map.of("run", run.id, "role", "ws"));
		hunt.put("ratePerMinute", 1);
		hunt.put("clientLimit", 10);
		hunt.put("expiresInSeconds", 600);
		hunt.put("reason", "e2e");
		ServerApi.Response created = run.api.adminPost("/admin/v1/hunts", "alice", hunt);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String huntId = created.json().path("huntId").asText();
		assertThat(created.json().path("state").asText()).isEqualTo("running");

		within(30).until(() -> {
			JsonNode counts = huntJson(huntId).path("counts");
			return counts.path("done").asInt() + counts.path("running").asInt() == 1 && counts.path("pending").asInt() == 1;
		});
		within(100).until(() -> huntJson(huntId).path("counts").path("done").asInt() == 2);
		JsonNode done = huntJson(huntId);
		assertThat(done.path("hosts")).extracting(h -> h.path("hostname").asText())
			.containsExactlyInAnyOrder(run.hostA(), run.hostB());
		List<Map<String, Object>> tasks = run.query("SELECT created_at FROM tasks WHERE hunt_id = ?::uuid ORDER BY created_at",
				huntId);
		assertThat(tasks).hasSize(2);
		Duration gap = Duration.between(((Timestamp) tasks.get(0).get("created_at")).toInstant(),
				((Timestamp) tasks.get(1).get("created_at")).toInstant());
		assertThat(gap).as("1 agent per minute").isGreaterThanOrEqualTo(Duration.ofSeconds(40));
	}

	/** Needs wt-rules (approvals, GET task, upload download). */
	@Test
	@Order(9)
	void aFileCollectionNeedsASecondPersonAndItsSha256Matches() throws Exception {
		byte[] content = new byte[2_500_000];
		new Random(42).nextBytes(content);
		Path file = Files.write(run.dir.resolve("collect-me.bin"), content);
		ServerApi.Response created = createTask("alice", run.agentId(run.hostA()), "file.collect",
				Map.of("path", file.toString()), Map.of("reason", "e2e: suspicious file"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String taskId = created.json().path("taskId").asText();
		assertThat(created.json().path("state").asText()).isEqualTo("awaiting_approval");
		assertThat(run.taskState(taskId)).isEqualTo("awaiting_approval");

		ServerApi.Response self = run.api.adminPost("/admin/v1/tasks/" + taskId + "/approve", "alice", Map.of());
		assertThat(self.status()).as("%s", self).isEqualTo(409);
		assertThat(self.json().path("error").asText()).contains("second person");
		assertThat(run.taskState(taskId)).isEqualTo("awaiting_approval");

		ServerApi.Response approved = run.api.adminPost("/admin/v1/tasks/" + taskId + "/approve", "bob",
				Map.of("note", "ok"));
		assertThat(approved.status()).as("%s", approved).isEqualTo(200);
		assertThat(approved.json().path("approvedBy").asText()).isEqualTo("bob");
		assertThat(awaitFinished(taskId, 60)).isEqualTo("succeeded");

		JsonNode task = run.api.adminGet("/admin/v1/tasks/" + taskId).json();
		assertThat(task.path("requestedBy").asText()).isEqualTo("alice");
		assertThat(task.path("approvedBy").asText()).isEqualTo("bob");
		JsonNode upload = task.path("uploads").get(0);
		assertThat(upload.path("state").asText()).isEqualTo("complete");
		ServerApi.Response download = run.api.adminGet("/admin/v1/uploads/" + upload.path("id").asText() + "/content");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
		assertThat(sha256(download.bytes())).isEqualTo(sha256(content))
			.isEqualTo(download.header("X-Iterdef-Sha256")).isEqualTo(upload.path("sha256").asText());
	}

	/** Runs on the first slice. */
	@Test
	@Order(10)
	void anAgentCannotReadOrAnswerAnotherAgentsTaskAndABadCredentialIsRefused() {
		assertThat(run.api.poll(null, 1).status()).as("no credential").isEqualTo(401);
		assertThat(run.api.poll("not-a-credential", 1).status()).as("a wrong credential").isEqualTo(401);

		// A is stopped so that its task stays queued, then leased by A's own credential (from its identity file)
		run.agentA.kill();
		try {
			// a long poll A sent before it died may still be waiting at the server (up to 2 s): let it end
			within(20).until(() -> run.queryString(
					"SELECT 1 FROM agents WHERE hostname = ? AND revoked_at IS NULL AND last_seen_at < now() - interval '4 seconds'",
					run.hostA()) != null);
			String credentialA = run.agentA.identity().getProperty("agent.credential");
			String credentialB = run.agentB.identity().getProperty("agent.credential");
			String taskId = task("alice", run.agentId(run.hostA()), "agent.info", Map.of(), Map.of());
			ServerApi.Response pollB = run.api.poll(credentialB, 1);
			assertThat(pollB.status()).isEqualTo(200);
			assertThat(pollB.body()).as("B's poll").doesNotContain(taskId);
			assertThat(run.taskState(taskId)).isEqualTo("queued");

			ServerApi.Response pollA = run.api.poll(credentialA, 5);
			assertThat(pollA.body()).as("A's poll").contains(taskId);
			Map<String, Object> forged = new LinkedHashMap<>();
			forged.put("status", "succeeded");
			forged.put("data", Map.of("forged", true));
			ServerApi.Response answerB = run.api.result(credentialB, taskId, forged);
			assertThat(answerB.status()).as("B answering A's task: %s", answerB).isIn(403, 404);
			assertThat(run.taskState(taskId)).isEqualTo("leased");
			ServerApi.Response answerA = run.api.result(credentialA, taskId,
					Map.of("status", "succeeded", "data", Map.of("by", "e2e")));
			assertThat(answerA.status()).as("%s", answerA).isBetween(200, 204);
			assertThat(run.taskState(taskId)).isEqualTo("succeeded");
		}
		finally {
			run.agentA.start();
		}
	}

	/**
	 * Runs on the first slice: a killed agent's task is leased again after its lease ran out, at most max_attempts
	 * times. The task is file.hash of a large sparse file with a 5 s timeout, so it is still running when the agent is
	 * killed (SIGKILL) and times out on its second attempt.
	 */
	@Test
	@Order(11)
	void killingAnAgentMidTaskRetriesTheTaskWithinItsBudget() throws Exception {
		Path big = run.dir.resolve("big-sparse.bin");
		try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(3000L * 1024 * 1024);
		}
		String taskId = task("alice", run.agentId(run.hostB()), "file.hash", Map.of("path", big.toString()),
				Map.of("maxAttempts", 2, "timeoutMillis", 5000));
		within(30).pollInterval(Duration.ofMillis(50)).until(() -> "leased".equals(run.taskState(taskId)));
		run.agentB.kill();
		assertThat(run.taskState(taskId)).as("still leased when the agent died").isEqualTo("leased");
		assertThat(attempts(taskId)).isEqualTo(1);
		run.agentB.start();

		within(40).until(() -> attempts(taskId) == 2);
		assertThat(awaitFinished(taskId, 60)).isEqualTo("failed");
		// never a third lease: it stays failed with two attempts for longer than a lease (5 s + 2 s grace)
		within(30).during(Duration.ofSeconds(10)).until(() -> attempts(taskId) == 2 && "failed".equals(run.taskState(taskId)));
		assertThat(run.queryString("SELECT error FROM tasks WHERE id = ?::uuid", taskId)).isNotBlank();
		assertThat(run.agentB.alive()).isTrue();
	}

	/**
	 * agent.update across processes: a package signed with another key is refused and the agent keeps its version;
	 * one signed with its release key (update.public.key) is installed and the agent restarts on it. Needs wt-agent.
	 */
	@Test
	@Order(12)
	void anAgentUpdateWithABadSignatureIsRefusedAndWithAGoodOneTheAgentRestartsOnTheNewVersion() {
		String agentId = run.agentId(run.hostA());
		String before = agentVersion(agentId);
		Path keys = run.dir.resolve("release-keys");
		Path releaseKey = AgentUpdates.writePrivateKey(run.releaseKey, keys.resolve("release-private.key"));
		Path otherKey = AgentUpdates.writePrivateKey(AgentUpdates.newKeyPair(), keys.resolve("other-private.key"));
		Path signerLog = run.dir.resolve("release-signer.log");

		String badVersion = "0.9.0-bad-" + run.id;
		Path badJar = AgentUpdates.packageOf(run.agentA.jar(), badVersion, run.dir.resolve("packages").resolve(badVersion + ".jar"));
		JsonNode bad = AgentUpdates.sign(run.agentA.jar(), otherKey, badJar, badVersion, run.updateDir(), signerLog);
		String badTask = updateTask(agentId, bad);
		assertThat(awaitFinished(badTask, 90)).isEqualTo("failed");
		assertThat(run.queryString("SELECT error FROM tasks WHERE id = ?::uuid", badTask)).contains("signature does not verify");
		assertThat(run.agentA.alive()).isTrue();
		assertThat(run.agentA.restarts()).isZero();
		assertThat(agentVersion(agentId)).as("the version after a refused update").isEqualTo(before);

		String goodVersion = "0.9.0-e2e-" + run.id;
		Path goodJar = AgentUpdates.packageOf(run.agentA.jar(), goodVersion, run.dir.resolve("packages").resolve(goodVersion + ".jar"));
		JsonNode good = AgentUpdates.sign(run.agentA.jar(), releaseKey, goodJar, goodVersion, run.updateDir(), signerLog);
		String goodTask = updateTask(agentId, good);
		assertThat(awaitFinished(goodTask, 120)).isEqualTo("succeeded");
		JsonNode result = taskResult(goodTask);
		assertThat(result.findValue("fromVersion").asText()).isEqualTo(before);
		assertThat(result.findValue("toVersion").asText()).isEqualTo(goodVersion);
		assertThat(result.findValue("sha256").asText()).isEqualTo(good.path("sha256").asText());
		within(60).until(() -> run.agentA.restarts() == 1 && run.agentA.alive());
		assertThat(agentVersion(agentId)).as("agent.info after the update").isEqualTo(goodVersion);
		assertThat(run.agentId(run.hostA())).as("the same identity after the restart").isEqualTo(agentId);
	}

	// ---- helpers

	/** agent.update through the update flow: POST /admin/v1/updates queues it for a held, signed package. */
	private static String updateTask(String agentId, JsonNode signed) {
		ServerApi.Response created = run.api.adminPost("/admin/v1/updates", "alice",
				Map.of("agentId", agentId, "version", signed.path("version").asText(), "reason", "e2e update"));
		assertThat(created.status()).as("POST /admin/v1/updates: %s", created).isEqualTo(201);
		assertThat(created.json().path("sha256").asText()).isEqualTo(signed.path("sha256").asText());
		return created.json().path("taskId").asText();
	}

	private static String agentVersion(String agentId) {
		String taskId = task("alice", agentId, "agent.info", Map.of(), Map.of());
		assertThat(awaitFinished(taskId, 60)).isEqualTo("succeeded");
		return taskResult(taskId).findValue("agentVersion").asText();
	}

	private static JsonNode taskResult(String taskId) {
		try {
			return ServerApi.JSON.readTree(run.queryString("SELECT result::text FROM tasks WHERE id = ?::uuid", taskId));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}


	private static synchronized String processListOnA() {
		if (processListTaskOnA == null) {
			String taskId = task("alice", run.agentId(run.hostA()), "process.list", Map.of(), Map.of());
			assertThat(awaitFinished(taskId, 60)).isEqualTo("succeeded");
			processListTaskOnA = taskId;
		}
		return processListTaskOnA;
	}

	private static int attempts(String taskId) {
		return Integer.parseInt(run.queryString("SELECT attempts FROM tasks WHERE id = ?::uuid", taskId));
	}

	static Map<String, Object> ruleRequest(String alertId, String ruleId, String type, Map<String, Object> params, int n) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("requestId", alertId + ":" + type + ":" + n);
		request.put("ruleId", ruleId);
		request.put("ruleName", "e2e rule " + run.id);
		request.put("alertId", alertId);
		request.put("host", run.hostA());
		request.put("type", type);
		request.put("params", params);
		request.put("requestedAt", Instant.now().toString());
		return request;
	}

	static void sendTaskRequest(Map<String, Object> request) {
		try {
			run.kafka.send(run.topic("iterdef.tasks"), request.get("host").toString(),
					ServerApi.JSON.writeValueAsBytes(request), Map.of());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode huntJson(String huntId) {
		ServerApi.Response response = run.api.adminGet("/admin/v1/hunts/" + huntId);
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	static List<JsonNode> alerts(String host) {
		return recordsWhere("iterdef.alerts", "host.name", host);
	}

	static List<JsonNode> alertsOf(String host, String ruleId) {
		return alerts(host).stream().filter(a -> ruleId.equals(text(a, "rule.id"))).toList();
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	/** A Sysmon 10 (process access) for lsass.exe as NXLog im_msvistalog + to_json() sends it. */
	static String sysmon10(String host, String sourceImage, long sourcePid, Instant at) throws Exception {
		String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(at);
		String utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(at);
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("EventTime", local);
		e.put("Hostname", host);
		e.put("Keywords", Long.MIN_VALUE);
		e.put("EventType", "INFO");
		e.put("SeverityValue", 2);
		e.put("Severity", "INFO");
		e.put("EventID", 10);
		e.put("SourceName", "Microsoft-Windows-Sysmon");
		e.put("ProviderGuid", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
		e.put("Version", 3);
		e.put("Task", 10);
		e.put("OpcodeValue", 0);
		e.put("RecordNumber", 900000 + new Random().nextInt(99999));
		e.put("ExecutionProcessID", 2836);
		e.put("ThreadID", 3130);
		e.put("Channel", "Microsoft-Windows-Sysmon/Operational");
		e.put("Domain", "NT AUTHORITY");
		e.put("AccountName", "SYSTEM");
		e.put("UserID", "S-1-5-18");
		e.put("AccountType", "User");
		e.put("Category", "Process accessed (rule: ProcessAccess)");
		e.put("Opcode", "Info");
		e.put("RuleName", "technique_id=T1003.001,technique_name=LSASS Memory");
		e.put("UtcTime", utc);
		e.put("SourceProcessGUID", "{6f3c1a2b-8eb9-6383-b1f4-" + UUID.randomUUID().toString().substring(24) + "}");
		e.put("SourceProcessId", Long.toString(sourcePid));
		e.put("SourceThreadId", "7324");
		e.put("SourceImage", sourceImage);
		e.put("TargetProcessGUID", "{6f3c1a2b-3b85-4074-eed0-b4bc50152a7c}");
		e.put("TargetProcessId", "768");
		e.put("TargetImage", "C:\\Windows\\System32\\lsass.exe");
		e.put("GrantedAccess", "0x1010");
		e.put("CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(000001D5A2B4A1F7)");
		e.put("SourceUser", "CORP\\jdoe");
		e.put("TargetUser", "NT AUTHORITY\\SYSTEM");
		e.put("EventReceivedTime", local);
		e.put("SourceModuleName", "eventlog");
		e.put("SourceModuleType", "im_msvistalog");
		return ServerApi.JSON.writeValueAsString(e);
	}

}
