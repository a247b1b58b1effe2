package io.iterdef.agent.server.rules;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.iterdef.agent.server.agent.AgentRepository;
import io.iterdef.agent.server.system.ApiException;
import io.iterdef.agent.server.task.NewTask;
import io.iterdef.agent.server.task.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one rule task request in one transaction: records it once in rule_task_requests (a replayed request id
 * changes nothing) with its outcome, and for 'queued' creates the task (source rule, requested_by = the rule id,
 * a task id derived from the request id). The (rule, host) advisory lock makes the rate limit hold with several
 * server instances.
 */
@Service
public class RuleRequestService {

	private static final Logger log = LoggerFactory.getLogger(RuleRequestService.class);

	private final RuleRequestRepository requests;

	private final AgentRepository agents;

	private final TaskService tasks;

	private final TransactionTemplate transaction;

	private final int perHost;

	private final Duration window;

	private final boolean dryRun;

	RuleRequestService(RuleRequestRepository requests, AgentRepository agents, TaskService tasks,
			TransactionTemplate transaction, @Value("${iterdef.agent.rules.per-host:5}") int perHost,
			@Value("${iterdef.agent.rules.window:PT10M}") Duration window,
			@Value("${iterdef.agent.rules.dry-run:false}") boolean dryRun) {
		this.requests = requests;
		this.agents = agents;
		this.tasks = tasks;
		this.transaction = transaction;
		this.perHost = perHost;
		this.window = window;
		this.dryRun = dryRun;
	}

	/** The same service with the dry-run switch set otherwise (tests of the switch on the real database). */
	RuleRequestService withDryRun(boolean value) {
		return new RuleRequestService(requests, agents, tasks, transaction, perHost, window, value);
	}

	/** The task id of a request: the same request id always names the same task. */
	static UUID taskId(String requestId) {
		return UUID.nameUUIDFromBytes(("iterdef.tasks:" + requestId).getBytes(StandardCharsets.UTF_8));
	}

	/** Records the request and its outcome; empty when the request id was recorded before (a replay). */
	Optional<RuleRequestDecision.Outcome> handle(RuleTaskRequest request) {
		return transaction.execute(status -> {
			requests.lock(request.ruleIdOrUnknown(), request.hostOrUnknown());
			if (requests.outcome(request.requestId()).isPresent()) {
				log.debug("rule task request {} seen before: ignored", request.requestId());
				return Optional.empty();
			}
			RuleRequestDecision.Decision decision = decide(request);
			UUID taskId = null;
			if (decision.outcome() == RuleRequestDecision.Outcome.QUEUED) {
				try {
					taskId = tasks.submit(new NewTask(taskId(request.requestId()), agents
						.findActiveByHostname(request.host())
						.orElseThrow(), request.type(), request.params(), request.ruleId(), "rule", null, null, null,
							request.reason(), null, request.ruleId(), request.alertId(), null))
						.taskId();
				}
				catch (ApiException ex) {
					decision = new RuleRequestDecision.Decision(RuleRequestDecision.Outcome.REFUSED,
							ex.getMessage() + " (" + ex.hint() + ")");
				}
			}
			requests.insert(request, decision.outcome().dbValue(), taskId, decision.detail());
			if (decision.outcome() == RuleRequestDecision.Outcome.QUEUED) {
				log.info("rule {} queued {} on {} (request {}, task {})", request.ruleId(), request.type(),
						request.host(), request.requestId(), taskId);
			}
			else {
				log.info("rule task request {} ({} on {}): {} - {}", request.requestId(), request.type(),
						request.host(), decision.outcome().dbValue(), decision.detail());
			}
			return Optional.of(decision.outcome());
		});
	}

	/** Records a request the database would not store as it came (refused, with the database's reason). */
	void recordUnstorable(String position, String reason) {
		RuleTaskRequest placeholder = new RuleTaskRequest("unstorable:" + position, null, null, null, null, null,
				java.util.Map.of(), reason);
		transaction.executeWithoutResult(status -> requests.insert(placeholder, RuleRequestDecision.Outcome.REFUSED
			.dbValue(), null, "the database refused the request: " + String.valueOf(reason).replace("\u0000", "")));
	}

	private RuleRequestDecision.Decision decide(RuleTaskRequest request) {
		String problem = request.valid() ? RuleRequestDecision.typeProblem(request.type()).orElse(null)
				: request.problem();
		if (problem != null) {
			return RuleRequestDecision.decide(problem, false, 0, perHost, window, dryRun, request.host());
		}
		boolean agentFound = agents.findActiveByHostname(request.host()).isPresent();
		long recent = agentFound ? requests.recent(request.ruleId(), request.host(), window) : 0;
		return RuleRequestDecision.decide(null, agentFound, recent, perHost, window, dryRun, request.host());
	}

}
