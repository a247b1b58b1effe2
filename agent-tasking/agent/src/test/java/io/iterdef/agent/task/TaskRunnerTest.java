package io.iterdef.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.TaskType;

class TaskRunnerTest {

	private static final TaskLimits LIMITS = new TaskLimits(5_000, 5_000, 1_000);

	private static TaskAssignment task(String type, TaskLimits limits) {
		return new TaskAssignment("t-1", type, Map.of("path", "/x"), 0, limits);
	}

	@Test
	void shouldFailWithoutRunningAnythingWhenTheTypeIsNotAllowListed() {
		TaskRunner runner = new TaskRunner(Map.of(), null);

		TaskResult result = runner.run(task("shell.exec", LIMITS));

		assertThat(result.status()).isEqualTo(TaskResult.FAILED);
		assertThat(result.error()).isEqualTo("task type shell.exec is not allowed on this agent");
	}

	@Test
	void shouldFailWhenTheAgentHasNoExecutorForAnAllowedType() {
		TaskRunner runner = new TaskRunner(Map.of(), null);

		TaskResult result = runner.run(task("memory.scan", LIMITS));

		assertThat(result.error()).contains("memory.scan is not supported by this agent version");
	}

	@Test
	void shouldReturnTheDataWhenTheExecutorSucceeds() {
		TaskRunner runner = new TaskRunner(Map.of(TaskType.FILE_STAT, context -> Map.of("path", context.string("path"))),
				null);

		TaskResult result = runner.run(task("file.stat", LIMITS));

		assertThat(result.status()).isEqualTo(TaskResult.SUCCEEDED);
		assertThat(result.data()).isEqualTo(Map.of("path", "/x"));
	}

	@Test
	void shouldCancelTheTaskWhenItsTimeoutPasses() throws InterruptedException {
		CountDownLatch interrupted = new CountDownLatch(1);
		TaskExecutor hanging = context -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return Map.of();
		};
		TaskRunner runner = new TaskRunner(Map.of(TaskType.FILE_STAT, hanging), null);

		TaskResult result = runner.run(task("file.stat", new TaskLimits(200, 5_000, 1_000)));

		assertThat(result.status()).isEqualTo(TaskResult.FAILED);
		assertThat(result.error()).contains("timed out after 200 ms");
		assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the task thread was interrupted").isTrue();
	}

	@Test
	void shouldStopTheTaskWhenItsCpuBudgetIsSpent() {
		TaskExecutor spinning = context -> {
			long x = 0;
			while (true) {
				x++;
				if ((x & 0xFFFF) == 0) {
					Budget.checkCancelled();
				}
			}
		};
		TaskRunner runner = new TaskRunner(Map.of(TaskType.FILE_STAT, spinning), null);

		TaskResult result = runner.run(task("file.stat", new TaskLimits(30_000, 100, 1_000)));

		assertThat(result.error()).contains("CPU budget of 100 ms spent");
	}

	@Test
	void shouldFailWithTheReasonWhenTheByteBudgetIsSpent() {
		TaskExecutor greedy = context -> {
			context.budget().consume(600);
			context.budget().consume(600);
			return Map.of();
		};
		TaskRunner runner = new TaskRunner(Map.of(TaskType.FILE_STAT, greedy), null);

		TaskResult result = runner.run(task("file.stat", LIMITS));

		assertThat(result.error()).contains("byte budget of 1000 bytes spent");
	}

	@Test
	void shouldReportTheExceptionWhenTheExecutorThrows() {
		TaskRunner runner = new TaskRunner(Map.of(TaskType.FILE_STAT, context -> {
			throw new IllegalStateException("boom");
		}), null);

		assertThat(runner.run(task("file.stat", LIMITS)).error()).isEqualTo("IllegalStateException: boom");
		assertThat(runner.run(new TaskAssignment("t-2", "file.stat", Map.of(), 0, LIMITS)).error())
			.isEqualTo("IllegalStateException: boom");
	}

	@Test
	void shouldSayWhichParameterIsMissing() {
		TaskRunner runner = new TaskRunner(Map.of(TaskType.FILE_STAT, context -> Map.of("p", context.string("path"))),
				null);

		TaskResult result = runner.run(new TaskAssignment("t-3", "file.stat", Map.of(), 0, null));

		assertThat(result.error()).isEqualTo("parameter \"path\" is missing (a string is expected)");
	}

}
