package io.iterdef.agent.server.rules;

import java.time.Duration;
import java.util.Optional;

import io.iterdef.agent.protocol.TaskType;

/**
 * What becomes of a rule's task request, decided in this order: refused (unusable record, a type off the allow-list
 * or one a rule may not request), no_agent (no unrevoked agent holds the host name), rate_limited (the rule already
 * queued or dry-ran {@code limit} requests for the host within the window), dry_run (the global switch: recorded,
 * no task), else queued.
 */
final class RuleRequestDecision {

	enum Outcome {

		QUEUED, DRY_RUN, RATE_LIMITED, NO_AGENT, REFUSED;

		/** The rule_task_requests.outcome value. */
		String dbValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** An outcome and the detail recorded with it (null for queued). */
	record Decision(Outcome outcome, String detail) {
	}

	private RuleRequestDecision() {
	}

	/** Why a request's type cannot be queued by a rule; empty when it can. */
	static Optional<String> typeProblem(String type) {
		Optional<TaskType> parsed = TaskType.parse(type);
		if (parsed.isEmpty()) {
			return Optional.of("task type '" + type + "' is not on the allow-list");
		}
		if (!parsed.get().ruleMayRequest()) {
			return Optional.of("a rule may not request " + type + " (rules may request "
					+ java.util.Arrays.stream(TaskType.values())
						.filter(TaskType::ruleMayRequest)
						.map(TaskType::wireName)
						.toList()
					+ ")");
		}
		return Optional.empty();
	}

	/**
	 * @param problem why the request is unusable (bad record, type or params), or null
	 * @param agentFound whether an unrevoked agent holds the host name
	 * @param recent the rule's queued and dry-run requests for this host within the window
	 */
	static Decision decide(String problem, boolean agentFound, long recent, int limit, Duration window, boolean dryRun,
			String host) {
		if (problem != null) {
			return new Decision(Outcome.REFUSED, problem);
		}
		if (!agentFound) {
			return new Decision(Outcome.NO_AGENT, "no enrolled agent on host " + host);
		}
		if (recent >= limit) {
			return new Decision(Outcome.RATE_LIMITED, recent + " requests of this rule for " + host + " within " + window
					+ " (limit " + limit + ", ITERDEF_AGENT_RULE_TASKS_PER_HOST)");
		}
		if (dryRun) {
			return new Decision(Outcome.DRY_RUN, "dry run (ITERDEF_AGENT_RULE_DRY_RUN=true): no task queued");
		}
		return new Decision(Outcome.QUEUED, null);
	}

}
