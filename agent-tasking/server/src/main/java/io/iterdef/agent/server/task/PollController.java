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

/**
 * {@value AgentApi#POLL}, a long poll: records the heartbeat, then leases up to maxTasks (1..10) of this agent's
 * queued tasks, looking again every {@value #RECHECK_MILLIS} ms until min(waitSeconds, 30) s have passed. A short
 * database poll with a deadline rather than LISTEN/NOTIFY: simple, and cheap at this interval; the request holds a
 * server thread while it waits.
 */
@RestController
class PollController {

	static final int MAX_WAIT_SECONDS = 30;

	static final int MAX_TASKS = 10;

	static final long RECHECK_MILLIS = 500;

	private final TaskRepository tasks;

	private final AgentRepository agents;

	private final Duration leaseGrace;

	private final int pollSeconds;

	PollController(TaskRepository tasks, AgentRepository agents,
			@Value("${iterdef.agent.lease-grace:PT60S}") Duration leaseGrace,
			@Value("${iterdef.agent.poll-seconds:30}") int pollSeconds) {
		this.tasks = tasks;
		this.agents = agents;
		this.leaseGrace = leaseGrace;
		this.pollSeconds = pollSeconds;
	}

	@PostMapping(AgentApi.POLL)
	PollResponse poll(@RequestBody PollRequest request, HttpServletRequest http) throws InterruptedException {
		Agent agent = Agent.of(http);
		agents.heartbeat(agent.id(), request.host());
		int max = Math.max(1, Math.min(MAX_TASKS, request.maxTasks()));
		long deadline = System.nanoTime()
				+ Duration.ofSeconds(Math.max(0, Math.min(MAX_WAIT_SECONDS, request.waitSeconds()))).toNanos();
		while (true) {
			List<TaskAssignment> leased = tasks.lease(agent.id(), max, leaseGrace);
			long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
			if (!leased.isEmpty() || remainingMillis <= 0) {
				return new PollResponse(leased, leased.isEmpty() ? pollSeconds : 0);
			}
			Thread.sleep(Math.min(RECHECK_MILLIS, remainingMillis));
		}
	}

}
