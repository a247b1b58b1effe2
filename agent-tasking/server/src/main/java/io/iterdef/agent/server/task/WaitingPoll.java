package io.iterdef.agent.server.task;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;

import org.springframework.web.context.request.async.DeferredResult;

/**
 * One agent's long poll while it waits: answered once, either with the tasks a check leased or, at its deadline,
 * with none. Checks and the deadline hold this object's lock, so a poll never leases tasks it can no longer
 * deliver.
 */
final class WaitingPoll {

	private final UUID agentId;

	private final Supplier<List<TaskAssignment>> lease;

	private final int nextPollSeconds;

	private final DeferredResult<PollResponse> result;

	private final AtomicBoolean checkQueued = new AtomicBoolean();

	private boolean answered;

	private ScheduledFuture<?> deadline;

	/**
	 * @param lease leases this agent's queued tasks (empty when there are none)
	 * @param nextPollSeconds what an answer without tasks tells the agent
	 * @param backstopMillis the container's timeout of the request, past the poll's own deadline
	 */
	WaitingPoll(UUID agentId, Supplier<List<TaskAssignment>> lease, int nextPollSeconds, long backstopMillis) {
		this.agentId = agentId;
		this.lease = lease;
		this.nextPollSeconds = nextPollSeconds;
		this.result = new DeferredResult<>(backstopMillis);
	}

	UUID agentId() {
		return agentId;
	}

	DeferredResult<PollResponse> result() {
		return result;
	}

	/** Leases this agent's queued tasks and answers with them; true when the poll is answered (now or before). */
	synchronized boolean check() {
		if (answered) {
			return true;
		}
		List<TaskAssignment> leased = lease.get();
		if (leased.isEmpty()) {
			return false;
		}
		answer(new PollResponse(leased, 0));
		return true;
	}

	/** The deadline: answers without tasks unless answered before. */
	synchronized void expire() {
		if (!answered) {
			answer(new PollResponse(List.of(), nextPollSeconds));
		}
	}

	/** A check failed (e.g. the database is down): the agent gets the error and polls again. */
	synchronized void fail(RuntimeException ex) {
		if (!answered) {
			answered = true;
			cancelDeadline();
			result.setErrorResult(ex);
		}
	}

	/** The request ended without an answer of ours (the client went away, or the container timed it out). */
	synchronized void abandon() {
		answered = true;
		cancelDeadline();
	}

	synchronized boolean answered() {
		return answered;
	}

	synchronized void deadline(ScheduledFuture<?> deadline) {
		this.deadline = deadline;
		if (answered) {
			cancelDeadline();
		}
	}

	/** Marks a check as queued; false when one is queued already (wake-ups in between need no second one). */
	boolean queueCheck() {
		return checkQueued.compareAndSet(false, true);
	}

	/** A queued check starts: a wake-up from now on queues another. */
	void checkStarted() {
		checkQueued.set(false);
	}

	private void answer(PollResponse response) {
		answered = true;
		cancelDeadline();
		result.setResult(response);
	}

	private void cancelDeadline() {
		if (deadline != null) {
			deadline.cancel(false);
		}
	}

}
