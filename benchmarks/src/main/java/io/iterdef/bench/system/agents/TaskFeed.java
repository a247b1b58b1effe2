package io.iterdef.bench.system.agents;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Tasks created through the admin API at a steady rate, each for a random agent; the clock starts just before the
 * request is sent.
 */
final class TaskFeed implements AutoCloseable {

	private final AgentServerApi api;

	private final SimulatedAgents agents;

	private final PickupClock clock;

	private final SteadyRate rate;

	private final AtomicLong created = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicReference<Throwable> lastError = new AtomicReference<>();

	private final Recorder answers = new Recorder(TimeUnit.MINUTES.toMicros(10), 3);

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "task-feed");
		thread.setDaemon(true);
		return thread;
	});

	TaskFeed(AgentServerApi api, SimulatedAgents agents, PickupClock clock, double perSecond) {
		this.api = api;
		this.agents = agents;
		this.clock = clock;
		this.rate = new SteadyRate(perSecond);
	}

	void start() {
		long start = System.nanoTime();
		ticks.scheduleAtFixedRate(() -> {
			long due = rate.take(System.nanoTime() - start);
			for (long i = 0; i < due; i++) {
				create();
			}
		}, 0, 5, TimeUnit.MILLISECONDS);
	}

	private void create() {
		UUID taskId = UUID.randomUUID();
		UUID agentId = agents.agentId(ThreadLocalRandom.current().nextInt(agents.size()));
		long sent = System.nanoTime();
		clock.created(taskId.toString(), sent);
		api.createTask(taskId, agentId).whenComplete((ok, e) -> {
			answers.recordValue(Math.min(TimeUnit.MINUTES.toMicros(10), (System.nanoTime() - sent) / 1000));
			if (e != null) {
				clock.forget(taskId.toString());
				failed.incrementAndGet();
				lastError.set(e);
			}
			else {
				created.incrementAndGet();
			}
		});
	}

	/** The time from sending a task's POST to its answer, in microseconds, since the last call. */
	Histogram answerTimes() {
		return answers.getIntervalHistogram();
	}

	long created() {
		return created.get();
	}

	long failed() {
		return failed.get();
	}

	Throwable lastError() {
		return lastError.get();
	}

	@Override
	public void close() {
		ticks.shutdownNow();
	}

}
