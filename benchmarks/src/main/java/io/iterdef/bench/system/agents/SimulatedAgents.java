package io.iterdef.bench.system.agents;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.iterdef.agent.protocol.EnrollResponse;
import io.iterdef.agent.protocol.HostFacts;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;

/**
 * Agents as the agent runs them, minus the work: each enrolls once, then long-polls again as soon as a poll is
 * answered (with or without tasks); the tasks a poll carries count as picked up. A failed poll is retried after a
 * second, as a connecting one.
 */
final class SimulatedAgents implements AutoCloseable {

	private final AgentServerApi api;

	private final PickupClock clock;

	private final int count;

	private final AtomicReferenceArray<EnrollResponse> enrolled;

	private final AtomicLong answered = new AtomicLong();

	private final AtomicIntegerArray answeredOnce;

	private final AtomicInteger connected = new AtomicInteger();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicReference<Throwable> lastError = new AtomicReference<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "agents-timer");
		thread.setDaemon(true);
		return thread;
	});

	private final String hostPrefix;

	private volatile boolean running;

	private volatile int waitSeconds;

	private volatile Semaphore connectPermits;

	private final BlockingQueue<Integer> toConnect = new LinkedBlockingQueue<>();

	private final Thread connector = new Thread(this::connect, "agents-connector");

	SimulatedAgents(AgentServerApi api, PickupClock clock, int count, String hostPrefix) {
		this.api = api;
		this.clock = clock;
		this.count = count;
		this.hostPrefix = hostPrefix;
		this.enrolled = new AtomicReferenceArray<>(count);
		this.answeredOnce = new AtomicIntegerArray(count);
		this.connector.setDaemon(true);
	}

	/** Enrolls every agent, {@code parallel} at a time; fails with the first error when one cannot enroll. */
	void enroll(String secret, int parallel, Duration timeout) throws InterruptedException {
		Semaphore permits = new Semaphore(parallel);
		CountDownLatch done = new CountDownLatch(count);
		AtomicReference<Throwable> error = new AtomicReference<>();
		for (int i = 0; i < count && error.get() == null; i++) {
			permits.acquire();
			int agent = i;
			api.enroll(agent, secret, host(agent)).whenComplete((response, e) -> {
				permits.release();
				if (e != null) {
					error.compareAndSet(null, e);
				}
				else {
					enrolled.set(agent, response);
				}
				done.countDown();
			});
		}
		if (error.get() == null && !done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(done.getCount() + " of " + count + " agents not enrolled within "
					+ timeout + ": the server is too slow or stuck, see its log");
		}
		if (error.get() != null) {
			throw new IllegalStateException("enrolling the simulated agents failed: " + error.get().getMessage(),
					error.get());
		}
	}

	/**
	 * Starts the agents' poll loops. An agent without a connection first polls without waiting, at most
	 * {@code connecting} at a time (each opens a TLS connection: a burst of thousands of handshakes would time out
	 * and be retried over and over on a busy machine); once answered it long-polls for {@code waitSeconds}.
	 */
	void start(int waitSeconds, int connecting) {
		this.waitSeconds = waitSeconds;
		this.connectPermits = new Semaphore(connecting);
		running = true;
		for (int i = 0; i < count; i++) {
			toConnect.add(i);
		}
		connector.start();
	}

	private void connect() {
		try {
			while (running) {
				int agent = toConnect.take();
				connectPermits.acquire();
				if (!running) {
					return;
				}
				send(agent, 0, true);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void send(int agent, int wait, boolean connecting) {
		EnrollResponse identity = enrolled.get(agent);
		inFlight.incrementAndGet();
		api.poll(agent, identity.credential(), new PollRequest(host(agent), wait, 10)).whenComplete((response, e) -> {
			inFlight.decrementAndGet();
			if (connecting) {
				connectPermits.release();
			}
			if (e != null) {
				failed.incrementAndGet();
				lastError.set(e);
				if (running) {
					timer.schedule(() -> toConnect.add(agent), 1, TimeUnit.SECONDS);
				}
				return;
			}
			if (answeredOnce.compareAndSet(agent, 0, 1)) {
				connected.incrementAndGet();
			}
			pickedUp(response);
			if (running) {
				send(agent, waitSeconds, false);
			}
		});
	}

	private void pickedUp(PollResponse response) {
		long now = System.nanoTime();
		answered.incrementAndGet();
		for (TaskAssignment task : response.tasks()) {
			clock.pickedUp(task.taskId(), now);
		}
	}

	private HostFacts host(int agent) {
		return new HostFacts(hostPrefix + "-" + agent, "linux", "Debian 12", "bench",
				List.of("10." + (agent >> 16 & 255) + "." + (agent >> 8 & 255) + "." + (agent & 255)),
				Map.of("site", "bench"));
	}

	UUID agentId(int agent) {
		return UUID.fromString(enrolled.get(agent).agentId());
	}

	int size() {
		return count;
	}

	/** Polls answered since the start. */
	long answered() {
		return answered.get();
	}

	/** Agents that had a poll answered (their connection is up and the server serves them). */
	int connected() {
		return connected.get();
	}

	/** Polls that failed (error status, timeout, connection lost) since the start. */
	long failed() {
		return failed.get();
	}

	/** Polls sent and not answered yet. */
	int inFlight() {
		return inFlight.get();
	}

	Throwable lastError() {
		return lastError.get();
	}

	@Override
	public void close() {
		running = false;
		connector.interrupt();
		timer.shutdownNow();
	}

}
