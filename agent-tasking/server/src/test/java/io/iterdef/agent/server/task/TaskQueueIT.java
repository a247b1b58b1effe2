package io.iterdef.agent.server.task;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import io.iterdef.agent.server.system.ApiException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TaskQueueIT extends AgentServerStackSupport {

	@Autowired
	TaskService taskService;

	@Test
	void shouldLeaseAnAgentItsOwnTasksAndNeverAnothersTask() {
		AgentClient a = enrolledAgent();
		AgentClient b = enrolledAgent();
		String taskId = queue(a, "file.hash", Map.of());

		assertThat(AgentClient.tasks(b.poll(0)).tasks()).isEmpty();
		PollResponse polled = AgentClient.tasks(a.poll(0));

		assertThat(polled.tasks()).singleElement().satisfies(task -> {
			assertThat(task.taskId()).isEqualTo(taskId);
			assertThat(task.type()).isEqualTo("file.hash");
			assertThat(task.params()).containsEntry("path", "/etc/hostname");
			assertThat(task.limits().timeoutMillis()).isPositive();
			assertThat(task.leaseExpiresAtEpochMillis()).isGreaterThan(System.currentTimeMillis() - 1000);
		});
		assertThat(taskState(taskId)).isEqualTo("leased");
		assertThat(AgentClient.tasks(a.poll(0)).tasks()).isEmpty();
		assertThat(AgentClient.tasks(b.poll(0)).tasks()).isEmpty();
	}

	@Test
	void shouldAnswerAWaitingLongPollWhenATaskIsQueued() throws Exception {
		AgentClient agent = enrolledAgent();
		Timestamp before = lastSeen(agent);
		long started = System.nanoTime();
		CompletableFuture<HttpResponse<String>> poll = agent.pollAsync(20);
		await().atMost(Duration.ofSeconds(10)).until(() -> lastSeen(agent).after(before));
		assertThat(poll).isNotDone();

		String taskId = queue(agent, "process.list", Map.of());

		HttpResponse<String> response = poll.get(15, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(AgentClient.tasks(response).tasks()).extracting(TaskAssignment::taskId).containsExactly(taskId);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(19));
	}

	@Test
	void shouldPublishAResultToIterdefRawOnceAndAcceptItsRepeat() {
		AgentClient agent = enrolledAgent();
		String taskId = queue(agent, "process.list", Map.of());
		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).hasSize(1);
		try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
			TaskResult result = new TaskResult("succeeded", null,
					Map.of("processes", List.of(Map.of("pid", 4242, "name", "lsass.exe"))), null);

			HttpResponse<String> accepted = agent.result(taskId, result);

			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
			ConsumerRecord<String, byte[]> record = awaitRecord(consumer, taskId);
			String hostname = jdbc.sql("SELECT hostname FROM agents WHERE id = :id")
				.param("id", UUID.fromString(agent.agentId())).query(String.class).single();
			assertThat(record.key()).isEqualTo(hostname);
			assertThat(header(record, "iterdef.format")).isEqualTo("agent-result");
			assertThat(header(record, "iterdef.source")).isEqualTo("agent:" + agent.agentId());
			assertThat(Long.parseLong(header(record, "iterdef.received"))).isPositive();
			JsonNode value = AgentClient.JSON.readTree(record.value());
			assertThat(value.get("recordType").asString()).isEqualTo("agent-result");
			assertThat(value.get("taskType").asString()).isEqualTo("process.list");
			assertThat(value.get("host").asString()).isEqualTo(hostname);
			assertThat(value.get("status").asString()).isEqualTo("succeeded");
			assertThat(value.get("attempt").asInt()).isEqualTo(1);
			assertThat(value.at("/data/processes/0/name").asString()).isEqualTo("lsass.exe");
		}
		assertThat(taskState(taskId)).isEqualTo("succeeded");

		assertThat(agent.result(taskId, new TaskResult("succeeded", null, Map.of(), null)).statusCode()).isEqualTo(204);
	}

	@Test
	void shouldRefuseAResultFromAnAgentThatDoesNotHoldTheTask() {
		AgentClient owner = enrolledAgent();
		AgentClient other = enrolledAgent();
		String taskId = queue(owner, "agent.info", Map.of());
		assertThat(AgentClient.tasks(owner.poll(0)).tasks()).hasSize(1);

		HttpResponse<String> response = other.result(taskId, new TaskResult("succeeded", null, Map.of("x", 1), null));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(taskState(taskId)).isEqualTo("leased");
	}

	@Test
	void shouldRefuseATaskTypeOutsideTheAllowList() {
		AgentClient agent = enrolledAgent();
		Map<String, Object> shell = new HashMap<>(Map.of("agentId", agent.agentId(), "type", "shell.exec", "params",
				Map.of("command", "id"), "requestedBy", "analyst1", "source", "analyst"));

		HttpResponse<String> refused = agent.createTask(ADMIN_TOKEN, shell);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("not on the allow-list").contains("process.list");
		assertThatThrownBy(() -> taskService.create(new NewTask(null, UUID.fromString(agent.agentId()), "shell.exec",
				Map.of(), "rule-1", "rule", null, null, null)))
			.isInstanceOf(ApiException.class)
			.hasMessageContaining("not on the allow-list");
		assertThatThrownBy(() -> taskService.create(new NewTask(null, UUID.fromString(agent.agentId()), "file.collect",
				Map.of("path", "/etc/shadow"), "rule-1", "rule", null, null, null)))
			.isInstanceOf(ApiException.class)
			.hasMessageContaining("a rule may not request file.collect");
		assertThat(jdbc.sql("SELECT count(*) FROM tasks WHERE agent_id = :id")
			.param("id", UUID.fromString(agent.agentId())).query(Long.class).single()).isZero();
	}

	@Test
	void shouldQueueOneTaskForARepeatedId() {
		AgentClient agent = enrolledAgent();
		UUID id = UUID.randomUUID();
		NewTask task = new NewTask(id, UUID.fromString(agent.agentId()), "agent.info", Map.of(), "analyst1", "analyst",
				null, null, null);

		assertThat(taskService.create(task)).isEqualTo(id);
		assertThat(taskService.create(task)).isEqualTo(id);

		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).extracting(TaskAssignment::taskId)
			.containsExactly(id.toString());
	}

	@Test
	void shouldRequeueATaskWhoseLeaseRanOutAndFailItAfterItsRetryBudget() {
		AgentClient agent = enrolledAgent();
		String taskId = queue(agent, "process.list", Map.of("maxAttempts", 2, "timeoutMillis", 300));

		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> taskState(taskId).equals("queued"));
		assertThat(error(taskId)).contains("attempt 1 of 2");

		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).singleElement()
			.satisfies(task -> assertThat(task.taskId()).isEqualTo(taskId));
		await().atMost(Duration.ofSeconds(10)).until(() -> taskState(taskId).equals("failed"));
		assertThat(error(taskId)).isEqualTo("no result within 2 attempts");
		assertThat(jdbc.sql("SELECT attempts FROM tasks WHERE id = :id").param("id", UUID.fromString(taskId))
			.query(Integer.class).single()).isEqualTo(2);

		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).isEmpty();
		HttpResponse<String> late = agent.result(taskId, new TaskResult("succeeded", null, Map.of(), null));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("lease ran out");
	}

	@Test
	void shouldExpireATaskNobodyPickedUp() {
		AgentClient agent = enrolledAgent();
		String taskId = queue(agent, "agent.info", Map.of("expiresInSeconds", 1));

		await().atMost(Duration.ofSeconds(10)).until(() -> taskState(taskId).equals("expired"));

		assertThat(AgentClient.tasks(agent.poll(0)).tasks()).isEmpty();
	}

	private Timestamp lastSeen(AgentClient agent) {
		return jdbc.sql("SELECT last_seen_at FROM agents WHERE id = :id")
			.param("id", UUID.fromString(agent.agentId())).query(Timestamp.class).single();
	}

	private String error(String taskId) {
		return jdbc.sql("SELECT error FROM tasks WHERE id = :id").param("id", UUID.fromString(taskId))
			.query(String.class).single();
	}

	private KafkaConsumer<String, byte[]> rawConsumer() {
		Map<String, Object> config = new HashMap<>(stack().kafkaClientProperties());
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack().kafkaBootstrap());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(environment.getProperty("iterdef.topics.raw"), Duration.ofSeconds(10))
			.stream()
			.map(p -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position);
		return consumer;
	}

	private static ConsumerRecord<String, byte[]> awaitRecord(KafkaConsumer<String, byte[]> consumer, String taskId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				if (new String(record.value(), StandardCharsets.UTF_8).contains(taskId)) {
					return record;
				}
			}
		}
		throw new AssertionError("no record of task " + taskId + " on iterdef.raw within 20 s");
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return Optional.ofNullable(record.headers().lastHeader(name))
			.map(h -> new String(h.value(), StandardCharsets.US_ASCII))
			.orElse(null);
	}

}
