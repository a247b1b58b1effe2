package io.iterdef.kb.engine;

import io.iterdef.agent.protocol.TaskType;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.TaskRequest;
import org.kie.api.runtime.rule.RuleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The global response actions of the rules ({@code global io.iterdef.kb.engine.Response response;}). A rule's action
 * calls {@code response.collect(drools, host, "process.list", Map.of())} after {@code alerts.raise(...)}: the request
 * is tied to that rule and alert, and its id is {@code <alertId>:<type>:<n>}, so a replay asks for the same thing under
 * the same id.
 *
 * <p>Guardrails (the agent server has its own: per-rule per-host rate limits, a dry-run switch): only the types a rule
 * may request ({@link TaskType#ruleMayRequest()}; {@link CollectCheck} refuses a literal type at compile time, this
 * class at run time), a host, at most {@value #MAX_PER_ALERT} requests per alert, and a request only with a new alert:
 * a match suppressed into an open alert, or a session rebuild with alerts muted, requests nothing. A refusal is
 * logged and counted, never thrown (a rule must not stop detection).
 */
public final class Response {

	private static final Logger log = LoggerFactory.getLogger(Response.class);

	/** Most requests one alert may make. */
	public static final int MAX_PER_ALERT = 10;

	private final Alerts alerts;

	private final ResponseSink sink;

	/** The raise whose requests {@link #perType} counts. */
	private Alerts.Raised counting;

	private final Map<String, Integer> perType = new HashMap<>();

	private int inAlert;

	private long refused;

	Response(Alerts alerts, ResponseSink sink) {
		this.alerts = alerts;
		this.sink = sink;
	}

	/**
	 * Requests a collection task of {@code type} with {@code params} on {@code host}, tied to the alert this rule action
	 * just raised. Returns true when a request was emitted.
	 */
	public boolean collect(RuleContext drools, String host, String type, Map<String, ?> params) {
		String rule = drools.getRule().getPackageName() + "." + drools.getRule().getName();
		Optional<TaskType> allowed = TaskType.parse(type);
		if (allowed.isEmpty() || !allowed.get().ruleMayRequest()) {
			return refuse(rule, "task type '" + type + "' may not be requested by a rule (allowed: "
					+ CollectCheck.ruleTypes() + ")");
		}
		if (host == null || host.isBlank()) {
			return refuse(rule, "no host for the " + type + " request");
		}
		Alerts.Raised raised = alerts.lastRaised();
		if (raised == null || raised.match() != drools.getMatch()) {
			return refuse(rule, "response.collect must follow alerts.raise in the same rule action");
		}
		if (!raised.isNew() || alerts.isMuted()) {
			return false; // suppressed into an open alert, or a rebuild: its requests were made already
		}
		if (counting != raised) {
			counting = raised;
			perType.clear();
			inAlert = 0;
		}
		if (inAlert >= MAX_PER_ALERT) {
			return refuse(rule, "more than " + MAX_PER_ALERT + " requests for one alert");
		}
		Alert alert = raised.alert();
		int n = perType.merge(type, 1, Integer::sum) - 1;
		inAlert++;
		sink.accept(new TaskRequest(alert.getId() + ":" + type + ":" + n, alert.getRuleId(), alert.getRuleName(),
				alert.getId(), host.trim().toLowerCase(java.util.Locale.ROOT), type,
				params == null ? Map.of() : new HashMap<String, Object>(params), alert.getTimestamp()));
		return true;
	}

	/** Requests refused at run time since the session started. */
	public long refused() {
		return refused;
	}

	private boolean refuse(String rule, String reason) {
		refused++;
		log.warn("rule {}: task request refused: {}", rule, reason);
		return false;
	}

}
