package io.iterdef.agent.server.task;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WaitingPollsTest {

	private final WaitingPolls polls = new WaitingPolls(2);

	/** The tasks "queued" per agent: a lease takes them all. */
	private final Map<UUID, List<TaskAssignment>> queued = new ConcurrentHashMap<>();

	private final AtomicInteger leases = new AtomicInteger();

	@AfterEach
	void stop() {
		polls.stop();
	}

	@Test
	void shouldHoldThousandsOfPollsWithoutAThreadEachAndAnswerAWokenOneAtOnce() {
		int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
		List<WaitingPoll> waiting = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			WaitingPoll poll = poll(UUID.randomUUID());
			polls.await(poll, Duration.ofMinutes(5));
			waiting.add(poll);
		}
		assertThat(polls.size()).isEqualTo(5000);
		assertThat(ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore).isLessThan(10);

		WaitingPoll chosen = waiting.get(1234);
		queued.put(chosen.agentId(), List.of(task("t1")));
		int leasesBefore = leases.get();
		polls.wake(chosen.agentId());

		await().atMost(Duration.ofSeconds(5)).until(() -> chosen.result().hasResult());
		PollResponse response = (PollResponse) chosen.result().getResult();
		assertThat(response.tasks()).extracting(TaskAssignment::taskId).containsExactly("t1");
		assertThat(response.nextPollSeconds()).isZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> polls.size() == 4999);
		assertThat(leases.get() - leasesBefore).as("one lease for the woken agent, none for the others").isEqualTo(1);
		assertThat(waiting).filteredOn(p -> p != chosen).noneMatch(p -> p.result().hasResult());
	}

	@Test
	void shouldAnswerWithoutTasksAtTheDeadline() {
		WaitingPoll poll = poll(UUID.randomUUID());
		// a deadline long enough that the check right after cannot miss it: with 200 ms, a test thread descheduled
		// (GC, a loaded CI machine) for that long between the two lines found the poll answered already
		polls.await(poll, Duration.ofSeconds(1));
		assertThat(poll.result().hasResult()).isFalse();

		await().atMost(Duration.ofSeconds(10)).until(() -> poll.result().hasResult());
		PollResponse response = (PollResponse) poll.result().getResult();
		assertThat(response.tasks()).isEmpty();
		assertThat(response.nextPollSeconds()).isEqualTo(30);
		await().atMost(Duration.ofSeconds(5)).until(() -> polls.size() == 0);
	}

	@Test
	void shouldAnswerAtOnceWhenATaskIsQueuedAlready() {
		UUID agent = UUID.randomUUID();
		queued.put(agent, List.of(task("t0")));
		WaitingPoll poll = poll(agent);

		polls.await(poll, Duration.ofMinutes(5));

		assertThat(poll.result().hasResult()).isTrue();
		assertThat(((PollResponse) poll.result().getResult()).tasks()).hasSize(1);
		assertThat(polls.size()).isZero();
		assertThat(polls.agents()).doesNotContain(agent);
	}

	@Test
	void shouldNotLeaseForAPollThatWasAnsweredAlready() {
		UUID agent = UUID.randomUUID();
		WaitingPoll poll = poll(agent);
		polls.await(poll, Duration.ofMinutes(5));
		poll.expire();
		queued.put(agent, List.of(task("late")));
		int leasesBefore = leases.get();

		assertThat(poll.check()).isTrue();

		assertThat(leases.get()).isEqualTo(leasesBefore);
		assertThat(queued.get(agent)).as("still queued for the next poll").hasSize(1);
	}

	@Test
	void shouldAnswerEveryWaitingPollWhenStopped() {
		WaitingPoll a = poll(UUID.randomUUID());
		WaitingPoll b = poll(UUID.randomUUID());
		polls.await(a, Duration.ofMinutes(5));
		polls.await(b, Duration.ofMinutes(5));

		polls.stop();

		assertThat(List.of(a, b)).allMatch(p -> p.result().hasResult()
				&& ((PollResponse) p.result().getResult()).tasks().isEmpty());
	}

	private WaitingPoll poll(UUID agent) {
		return new WaitingPoll(agent, () -> {
			leases.incrementAndGet();
			List<TaskAssignment> tasks = queued.remove(agent);
			return tasks == null ? List.of() : tasks;
		}, 30, Duration.ofMinutes(10).toMillis());
	}

	private static TaskAssignment task(String id) {
		return new TaskAssignment(id, "agent.info", Map.of(), 0, new TaskLimits(1000, 1000, 1000));
	}

}
