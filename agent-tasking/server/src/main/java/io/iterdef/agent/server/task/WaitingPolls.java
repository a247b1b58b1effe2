package io.iterdef.agent.server.task;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The long polls waiting in this instance, by agent: no thread waits with them. A wake-up for an agent
 * ({@link QueuedTaskNotifier}: a task queued here, a NOTIFY from another instance, or the periodic check) runs a
 * lease for each of its polls on a small pool of threads; a timer answers each poll at its deadline. On shutdown
 * every waiting poll is answered without tasks, so the server stops at once.
 */
@Component
class WaitingPolls implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WaitingPolls.class);

	private final Map<UUID, Set<WaitingPoll>> byAgent = new ConcurrentHashMap<>();

	private final AtomicInteger waiting = new AtomicInteger();

	private final ScheduledThreadPoolExecutor timer;

	private final ExecutorService checks;

	private volatile boolean running;

	WaitingPolls(@Value("${iterdef.agent.poll-check-threads:8}") int checkThreads) {
		this.timer = new ScheduledThreadPoolExecutor(1, daemon("poll-deadline"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.checks = Executors.newFixedThreadPool(checkThreads, daemon("poll-check"));
	}

	/**
	 * Registers a poll, then checks once in the calling thread (so a task queued in between wakes it or is
	 * found); it is answered by a later wake-up or at {@code wait}.
	 */
	void await(WaitingPoll poll, Duration wait) {
		poll.result().onCompletion(() -> remove(poll));
		poll.result().onTimeout(() -> expire(poll));
		poll.result().onError(error -> poll.abandon());
		byAgent.compute(poll.agentId(), (agent, polls) -> {
			Set<WaitingPoll> set = polls == null ? ConcurrentHashMap.newKeySet() : polls;
			set.add(poll);
			return set;
		});
		waiting.incrementAndGet();
		try {
			poll.deadline(timer.schedule(() -> expire(poll), wait.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (RejectedExecutionException ex) {
			// shutting down: no waiting any more
			expire(poll);
			return;
		}
		try {
			if (poll.check()) {
				remove(poll);
			}
		}
		catch (RuntimeException ex) {
			poll.abandon();
			remove(poll);
			throw ex;
		}
	}

	/** Checks the polls of this agent (if any wait here) for queued tasks. */
	void wake(UUID agentId) {
		Set<WaitingPoll> polls = byAgent.get(agentId);
		if (polls == null) {
			return;
		}
		for (WaitingPoll poll : polls) {
			if (poll.queueCheck()) {
				try {
					checks.execute(() -> check(poll));
				}
				catch (RejectedExecutionException ex) {
					// shutting down: stop() answers it
				}
			}
		}
	}

	/** The agents with a poll waiting here now. */
	Set<UUID> agents() {
		return Set.copyOf(byAgent.keySet());
	}

	/** How many polls wait here now. */
	int size() {
		return waiting.get();
	}

	private void expire(WaitingPoll poll) {
		poll.expire();
		remove(poll);
	}

	private void check(WaitingPoll poll) {
		poll.checkStarted();
		try {
			if (poll.check()) {
				remove(poll);
			}
		}
		catch (RuntimeException ex) {
			log.warn("checking agent {}'s poll for tasks failed (it gets an error and polls again): {}",
					poll.agentId(), ex.getMessage());
			poll.fail(ex);
			remove(poll);
		}
	}

	private void remove(WaitingPoll poll) {
		boolean[] removed = { false };
		byAgent.computeIfPresent(poll.agentId(), (agent, polls) -> {
			removed[0] = polls.remove(poll);
			return polls.isEmpty() ? null : polls;
		});
		if (removed[0]) {
			waiting.decrementAndGet();
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/** Answers every waiting poll without tasks (before the web server's graceful shutdown waits for them). */
	@Override
	public void stop() {
		running = false;
		List<WaitingPoll> all = byAgent.values().stream().flatMap(Set::stream).toList();
		all.forEach(this::expire);
		timer.shutdownNow();
		checks.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
