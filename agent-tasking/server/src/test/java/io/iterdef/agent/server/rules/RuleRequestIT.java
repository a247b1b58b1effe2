package io.iterdef.agent.server.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.RulesStackSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RuleRequestIT extends RulesStackSupport {

	@Autowired
	KafkaTemplate<String, byte[]> kafka;

	@Autowired
	RuleRequestService service;

	@Autowired
	JsonMapper json;

	@Test
	void shouldQueueARuleRequestedTaskOnceEvenWhenTheRequestIsReplayed() throws Exception {
		AgentClient agent = enrolledAgent();
		String host = hostname(agent);
		String alertId = "alert-" + UUID.randomUUID();
		String requestId = alertId + ":process.list:0";
		Map<String, Object> request = request(requestId, "rule-lsass", alertId, host.toUpperCase(), "process.list");

		publish(host, request);
		assertThat(awaitOutcome(requestId)).isEqualTo("queued");
		publish(host, request);
		String marker = alertId + ":agent.info:1";
		publish(host, request(marker, "rule-lsass", alertId, host, "agent.info"));
		assertThat(awaitOutcome(marker)).isEqualTo("queued");

		assertThat(count("SELECT count(*) FROM rule_task_requests WHERE request_id = :id", requestId)).isEqualTo(1);
		UUID taskId = RuleRequestService.taskId(requestId);
		Map<String, Object> task = jdbc.sql("""
				SELECT state, source, requested_by, rule_id, alert_id, reason, agent_id::text AS agent
				FROM tasks WHERE id = :id""").param("id", taskId).query().singleRow();
		assertThat(task).containsEntry("state", "queued")
			.containsEntry("source", "rule")
			.containsEntry("requested_by", "rule-lsass")
			.containsEntry("rule_id", "rule-lsass")
			.containsEntry("alert_id", alertId)
			.containsEntry("reason", "rule LSASS access (alert " + alertId + ")")
			.containsEntry("agent", agent.agentId());
		assertThat(jdbc.sql("SELECT task_id FROM rule_task_requests WHERE request_id = :id").param("id", requestId)
			.query(UUID.class).single()).isEqualTo(taskId);
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).extracting(TaskAssignment::taskId)
			.contains(taskId.toString());
	}

	@Test
	void shouldRateLimitPerRuleAndHost() throws Exception {
		AgentClient agent = enrolledAgent();
		String host = hostname(agent);
		String alert = "alert-" + UUID.randomUUID();
		for (int i = 0; i < PER_HOST + 2; i++) {
			publish(host, request(alert + ":process.list:" + i, "rule-noisy", alert, host, "process.list"));
		}
		String other = alert + ":net.connections:0";
		publish(host, request(other, "rule-other", alert, host, "net.connections"));

		assertThat(awaitOutcome(other)).isEqualTo("queued");
		for (int i = 0; i < PER_HOST + 2; i++) {
			assertThat(awaitOutcome(alert + ":process.list:" + i)).isEqualTo(i < PER_HOST ? "queued" : "rate_limited");
		}
		assertThat(jdbc.sql("SELECT detail FROM rule_task_requests WHERE request_id = :id")
			.param("id", alert + ":process.list:" + PER_HOST).query(String.class).single())
			.contains("limit " + PER_HOST);
		assertThat(count("SELECT count(*) FROM tasks WHERE agent_id = :id::uuid AND source = 'rule'", agent.agentId()))
			.isEqualTo(PER_HOST + 1);
	}

	@Test
	void shouldRefuseTypesARuleMayNotRequestAndRecordsItCannotReadWithoutBlocking() throws Exception {
		AgentClient agent = enrolledAgent();
		String host = hostname(agent);
		String alert = "alert-" + UUID.randomUUID();
		kafka.send(RulesStackSupport.TASKS_TOPIC, host, "{not json".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
		publish(host, Map.of("requestId", alert + ":broken:0", "host", host, "type", "process.list"));
		publish(host, request(alert + ":file.collect:0", "rule-greedy", alert, host, "file.collect"));
		publish(host, request(alert + ":shell:0", "rule-greedy", alert, host, "shell.exec"));
		String after = alert + ":file.hash:0";
		publish(host, request(after, "rule-greedy", alert, host, "file.hash"));

		assertThat(awaitOutcome(after)).isEqualTo("queued");
		assertThat(awaitOutcome(alert + ":file.collect:0")).isEqualTo("refused");
		assertThat(detail(alert + ":file.collect:0")).contains("a rule may not request file.collect");
		assertThat(awaitOutcome(alert + ":shell:0")).isEqualTo("refused");
		assertThat(detail(alert + ":shell:0")).contains("not on the allow-list");
		assertThat(awaitOutcome(alert + ":broken:0")).isEqualTo("refused");
		assertThat(detail(alert + ":broken:0")).contains("no ruleId");
		assertThat(jdbc.sql("""
				SELECT detail FROM rule_task_requests
				WHERE request_id LIKE :prefix AND host = 'unknown' AND received_at > now() - interval '5 minutes'""")
			.param("prefix", "malformed:" + RulesStackSupport.TASKS_TOPIC + "-%")
			.query(String.class)
			.list()).anySatisfy(d -> assertThat(d).contains("not JSON"));
		assertThat(count("SELECT count(*) FROM tasks WHERE agent_id = :id::uuid", agent.agentId())).isEqualTo(1);
	}

	@Test
	void shouldRecordNoAgentForAHostWithoutOne() throws Exception {
		String host = AgentClient.newHostname();
		String requestId = "alert-" + UUID.randomUUID() + ":process.list:0";

		publish(host, request(requestId, "rule-lsass", "a", host, "process.list"));

		assertThat(awaitOutcome(requestId)).isEqualTo("no_agent");
		assertThat(detail(requestId)).contains(host);
	}

	@Test
	void shouldRecordButNotQueueInDryRunAndCountItInTheRateLimit() {
		AgentClient agent = enrolledAgent();
		String host = hostname(agent);
		RuleRequestService dryRun = service.withDryRun(true);
		String alert = "alert-" + UUID.randomUUID();

		for (int i = 0; i <= PER_HOST; i++) {
			String id = alert + ":process.list:" + i;
			Optional<RuleRequestDecision.Outcome> outcome = dryRun.handle(RuleTaskRequest.parse(json,
					json.writeValueAsBytes(request(id, "rule-dry", alert, host, "process.list")), "test"));
			assertThat(outcome).contains(i < PER_HOST ? RuleRequestDecision.Outcome.DRY_RUN
					: RuleRequestDecision.Outcome.RATE_LIMITED);
		}
		assertThat(dryRun.handle(RuleTaskRequest.parse(json,
				json.writeValueAsBytes(request(alert + ":process.list:0", "rule-dry", alert, host, "process.list")), "t")))
			.isEmpty();

		assertThat(awaitOutcome(alert + ":process.list:0")).isEqualTo("dry_run");
		assertThat(detail(alert + ":process.list:0")).contains("dry run");
		assertThat(count("SELECT count(*) FROM tasks WHERE agent_id = :id::uuid", agent.agentId())).isZero();
	}

	@Test
	void shouldHoldTheRateLimitWhenManyRequestsArriveAtOnce() {
		AgentClient agent = enrolledAgent();
		String host = hostname(agent);
		String alert = "alert-" + UUID.randomUUID();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Optional<RuleRequestDecision.Outcome>>> outcomes = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				byte[] value = json.writeValueAsBytes(request(alert + ":process.list:" + i, "rule-burst", alert, host,
						"process.list"));
				outcomes.add(pool.submit(() -> service.handle(RuleTaskRequest.parse(json, value, "burst"))));
			}
			long queued = 0;
			for (java.util.concurrent.Future<Optional<RuleRequestDecision.Outcome>> outcome : outcomes) {
				if (outcome.get(60, TimeUnit.SECONDS).orElseThrow() == RuleRequestDecision.Outcome.QUEUED) {
					queued++;
				}
			}
			assertThat(queued).isEqualTo(PER_HOST);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("SELECT count(*) FROM tasks WHERE agent_id = :id::uuid", agent.agentId())).isEqualTo(PER_HOST);
		assertThat(jdbc.sql("SELECT count(*) FROM rule_task_requests WHERE rule_id = 'rule-burst' AND host = :h "
				+ "AND outcome = 'rate_limited'").param("h", host).query(Long.class).single()).isEqualTo(16 - PER_HOST);
	}

	private Map<String, Object> request(String requestId, String ruleId, String alertId, String host, String type) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("requestId", requestId);
		request.put("ruleId", ruleId);
		request.put("ruleName", ruleId.equals("rule-lsass") ? "LSASS access" : ruleId);
		request.put("alertId", alertId);
		request.put("host", host);
		request.put("type", type);
		request.put("params", type.equals("process.list") ? Map.of() : Map.of("path", "/etc/hostname"));
		request.put("requestedAt", "2026-11-17T09:15:10.520Z");
		return request;
	}

	private void publish(String host, Map<String, Object> request) throws Exception {
		kafka.send(RulesStackSupport.TASKS_TOPIC, host.toLowerCase(), json.writeValueAsBytes(request))
			.get(10, TimeUnit.SECONDS);
	}

	private String awaitOutcome(String requestId) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("SELECT outcome FROM rule_task_requests WHERE request_id = :id")
				.param("id", requestId)
				.query(String.class)
				.optional(), Optional::isPresent)
			.orElseThrow();
	}

	private String detail(String requestId) {
		return jdbc.sql("SELECT detail FROM rule_task_requests WHERE request_id = :id").param("id", requestId)
			.query(String.class).single();
	}

	private long count(String sql, String id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

}
