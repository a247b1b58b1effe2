package io.iterdef.agent.server.task;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.server.AgentClient;
import io.iterdef.agent.server.AgentServerStackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The long poll waits without a thread, and a task queued for a waiting agent wakes it at once. */
class AsyncPollIT extends AgentServerStackSupport {

	private static final int POLLS = 100;

	@Autowired
	WaitingPolls waiting;

	@Test
	void shouldHoldManyWaitingPollsWithoutARequestThreadAndDeliverAQueuedTaskToOneOfThem() throws Exception {
		AgentClient agent = enrolledAgent();
		int before = waiting.size();
		List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
		for (int i = 0; i < POLLS; i++) {
			polls.add(agent.pollAsync(25));
		}
		await().atMost(Duration.ofMinutes(3)).until(() -> {
			polls.stream().filter(CompletableFuture::isDone).findFirst().ifPresent(done -> {
				throw new AssertionError("a poll ended before any task was queued: " + done.handle(
						(response, error) -> error != null ? error.toString() : response.statusCode() + " " + response.body())
					.join());
			});
			return waiting.size() - before >= POLLS;
		});

		// each request thread leaves the handler right after its first check; the polls (25 s) wait on without one
		await().atMost(Duration.ofSeconds(10)).until(() -> threadsInPollController() == 0);
		assertThat(waiting.size() - before).as("polls waiting with no request thread in the handler")
			.isGreaterThanOrEqualTo(POLLS);
		assertThat(polls).noneMatch(CompletableFuture::isDone);

		long queued = System.nanoTime();
		String taskId = queue(agent, "process.list", Map.of());

		CompletableFuture<Object> first = CompletableFuture.anyOf(polls.toArray(CompletableFuture[]::new));
		HttpResponse<?> answered = (HttpResponse<?>) first.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(Duration.ofNanos(System.nanoTime() - queued)).isLessThan(Duration.ofSeconds(10));
		assertThat(AgentClient.tasks(cast(answered)).tasks()).extracting(TaskAssignment::taskId)
			.containsExactly(taskId);
		assertThat(polls.stream().filter(CompletableFuture::isDone).count())
			.as("the other polls of this agent found nothing and wait on").isEqualTo(1);
	}

	@SuppressWarnings("unchecked")
	private static HttpResponse<String> cast(HttpResponse<?> response) {
		return (HttpResponse<String>) response;
	}

	private static long threadsInPollController() {
		return Thread.getAllStackTraces()
			.values()
			.stream()
			.filter(stack -> Arrays.stream(stack)
				.anyMatch(frame -> frame.getClassName().equals(PollController.class.getName())))
			.count();
	}

}
