package io.iterdef.agent.server.task;

import java.time.Duration;
import java.util.List;

import io.iterdef.agent.protocol.AgentApi;
import io.iterdef.agent.protocol.PollRequest;
import io.iterdef.agent.protocol.PollResponse;
import io.iterdef.agent.protocol.TaskAssignment;
import io.iterdef.agent.server.agent.Agent;
import io.iterdef.agent.server.agent.AgentRepository;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@value AgentApi#POLL}, an asynchronous long poll: records the heartbeat, then leases up to maxTasks (1..10) of
 * this agent's queued tasks; when there are none the request waits without a thread ({@link WaitingPolls}) until a
 * task for this agent is queued (then it leases again) or min(waitSeconds, 30) s have passed (answered without
 * tasks). Leases are FOR UPDATE SKIP LOCKED, so polls of several instances never lease a task twice.
 */
@RestController
class PollController {

	static final int MAX_WAIT_SECONDS = 30;

	static final int MAX_TASKS = 10;

	/** How long past its deadline the container lets a poll run before it times it out (a backstop). */
	private static final Duration CONTAINER_SLACK = Duration.ofSeconds(15);

	private final TaskRepository tasks;

	private final AgentRepository agents;

	private final WaitingPolls waiting;

	private final Duration leaseGrace;

	private final int pollSeconds;

	PollController(TaskRepository tasks, AgentRepository agents, WaitingPolls waiting,
			@Value("${iterdef.agent.lease-grace:PT60S}") Duration leaseGrace,
			@Value("${iterdef.agent.poll-seconds:30}") int pollSeconds) {
		this.tasks = tasks;
		this.agents = agents;
		this.waiting = waiting;
		this.leaseGrace = leaseGrace;
		this.pollSeconds = pollSeconds;
	}

	@PostMapping(AgentApi.POLL)
	DeferredResult<PollResponse> poll(@RequestBody PollRequest request, HttpServletRequest http) {
		Agent agent = Agent.of(http);
		agents.heartbeat(agent.id(), request.host());
		int max = Math.max(1, Math.min(MAX_TASKS, request.maxTasks()));
		Duration wait = Duration.ofSeconds(Math.max(0, Math.min(MAX_WAIT_SECONDS, request.waitSeconds())));
		WaitingPoll poll = new WaitingPoll(agent.id(), () -> tasks.lease(agent.id(), max, leaseGrace), pollSeconds,
				wait.plus(CONTAINER_SLACK).toMillis());
		if (wait.isZero()) {
			List<TaskAssignment> leased = tasks.lease(agent.id(), max, leaseGrace);
			poll.result().setResult(new PollResponse(leased, leased.isEmpty() ? pollSeconds : 0));
			return poll.result();
		}
		waiting.await(poll, wait);
		return poll.result();
	}

}
