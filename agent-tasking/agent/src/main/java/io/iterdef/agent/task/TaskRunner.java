package io.iterdef.agent.task;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.protocol.TaskLimits;
import io.iterdef.agent.protocol.TaskResult;
import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.transport.Uploads;

/**
 * Runs a task on its own thread within its limits and turns the outcome into a {@link TaskResult}. Only types
 * {@link TaskType#parse} knows run (the allow-list), and only those this agent has an executor for; anything
 * else fails with the reason. The wall-clock timeout cancels the task (interrupt); the CPU budget is checked
 * every {@value #CHECK_MILLIS} ms through ThreadMXBean for the task's thread (best effort: where the JVM cannot
 * measure thread CPU time only the timeout applies); the byte budget is counted by the executors.
 */
public final class TaskRunner {

	static final long CHECK_MILLIS = 20;

	/** Used when the server sends no limits. */
	public static final TaskLimits DEFAULT_LIMITS = new TaskLimits(60_000, 30_000, 16L * 1024 * 1024);

	private final Map<TaskType, TaskExecutor> executors;

	private final Uploads uploads;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	public TaskRunner(Map<TaskType, TaskExecutor> executors, Uploads uploads) {
		this.executors = Map.copyOf(executors);
		this.uploads = uploads;
	}

	public TaskResult run(TaskAssignment task) {
		TaskType type = TaskType.parse(task.type()).orElse(null);
		if (type == null) {
			return failed("task type " + task.type() + " is not allowed on this agent");
		}
		TaskExecutor executor = executors.get(type);
		if (executor == null) {
			return failed("task type " + task.type() + " is not supported by this agent version yet");
		}
		TaskLimits limits = task.limits() == null ? DEFAULT_LIMITS : task.limits();
		List<String> uploadIds = new ArrayList<>();
		TaskContext context = new TaskContext(task.taskId(), task.params(), limits, new Budget(limits.maxBytes()),
				uploads, uploadIds);
		AtomicLong threadId = new AtomicLong(-1);
		FutureTask<Map<String, Object>> future = new FutureTask<>(() -> {
			threadId.set(Thread.currentThread().getId());
			return executor.execute(context);
		});
		Thread thread = new Thread(future, "task-" + task.type() + "-" + task.taskId());
		thread.setDaemon(true);
		thread.start();
		return await(future, thread, limits, uploadIds);
	}

	private TaskResult await(FutureTask<Map<String, Object>> future, Thread thread, TaskLimits limits,
			List<String> uploadIds) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.timeoutMillis());
		boolean cpuMeasured = threads.isThreadCpuTimeSupported() && enableCpuTime();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				future.cancel(true);
				return failed("timed out after " + limits.timeoutMillis() + " ms (the task's time budget)");
			}
			try {
				Map<String, Object> data = future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)),
						TimeUnit.NANOSECONDS);
				return new TaskResult(TaskResult.SUCCEEDED, null, data, uploadIds);
			}
			catch (TimeoutException ex) {
				if (cpuMeasured) {
					long cpuNanos = threads.getThreadCpuTime(thread.getId());
					if (cpuNanos > TimeUnit.MILLISECONDS.toNanos(limits.cpuMillis())) {
						future.cancel(true);
						return failed("CPU budget of " + limits.cpuMillis() + " ms spent (the task's CPU budget)");
					}
				}
			}
			catch (ExecutionException ex) {
				return failed(reason(ex.getCause()));
			}
			catch (CancellationException ex) {
				return failed("cancelled");
			}
			catch (InterruptedException ex) {
				future.cancel(true);
				Thread.currentThread().interrupt();
				return failed("the agent is stopping");
			}
		}
	}

	private boolean enableCpuTime() {
		try {
			if (!threads.isThreadCpuTimeEnabled()) {
				threads.setThreadCpuTimeEnabled(true);
			}
			return true;
		}
		catch (UnsupportedOperationException | SecurityException ex) {
			return false;
		}
	}

	static String reason(Throwable cause) {
		if (cause instanceof TaskFailedException) {
			return cause.getMessage();
		}
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	private static TaskResult failed(String error) {
		return new TaskResult(TaskResult.FAILED, error, Map.of(), List.of());
	}

}
