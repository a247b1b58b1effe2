package io.iterdef.agent.server.task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Tasks queued elsewhere: another instance's NOTIFY is heard, and a task queued without one is found anyway. */
class QueuedTaskListenerIT extends AgentServerStackSupport {

	@Autowired
	QueuedTaskListener listener;

	@Autowired
	WaitingPolls waiting;

	@Test
	void shouldHearANotificationSentOnAnotherConnection() {
		long before = listener.notifications();

		jdbc.sql("SELECT pg_notify('" + QueuedTaskNotifier.CHANNEL + "', :agent)")
			.param("agent", UUID.randomUUID().toString())
			.query()
			.singleRow();

		await().atMost(Duration.ofSeconds(10)).until(() -> listener.notifications() > before);
	}

	@Test
	void shouldDeliverATaskQueuedWithoutANotificationToAWaitingPoll() throws Exception {
		AgentClient agent = enrolledAgent();
		UUID agentId = UUID.fromString(agent.agentId());
		CompletableFuture<HttpResponse<String>> poll = agent.pollAsync(25);
		await().atMost(Duration.ofSeconds(30)).until(() -> waiting.agents().contains(agentId));
		UUID taskId = UUID.randomUUID();

		// as a hunt rollout or a lease that ran out queues it: a plain insert, no NOTIFY
		jdbc.sql("""
				INSERT INTO tasks (id, agent_id, type, params, requested_by, source, max_attempts, timeout_ms, cpu_ms,
				                   max_bytes, expires_at)
				VALUES (:id, :agent, 'process.list', '{}'::jsonb, 'analyst1', 'analyst', 1, 30000, 10000, 1000,
				        now() + interval '1 hour')""")
			.param("id", taskId)
			.param("agent", agentId)
			.update();

		HttpResponse<String> response = poll.get(20, TimeUnit.SECONDS);
		assertThat(AgentClient.tasks(response).tasks()).extracting(TaskAssignment::taskId)
			.containsExactly(taskId.toString());
	}

}
