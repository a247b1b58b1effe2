package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global alert sink of every rule ({@code global io.iterdef.kb.engine.Alerts alerts;}). A rule calls
 * {@code alerts.raise(drools, groupKey, events)}; the rule's metadata is read from its annotations, and at most one
 * alert per (rule id, group key) is raised per suppression window, measured on the session's (pseudo) clock.
 */
public final class Alerts {

	private static final int PURGE_THRESHOLD = 10_000;

	private final Map<String, RuleInfo> rules;

	private final AlertSink sink;

	private final Map<String, Long> lastRaised = new HashMap<>();

	private boolean muted;

	Alerts(Map<String, RuleInfo> rulesByQualifiedName, AlertSink sink) {
		this.rules = rulesByQualifiedName;
		this.sink = sink;
	}

	/** Raises an alert for the calling rule, unless suppressed. {@code events} must not be empty. */
	public void raise(RuleContext drools, String groupKey, List<Event> events) {
		Rule rule = drools.getRule();
		RuleInfo info = rules.get(rule.getPackageName() + "." + rule.getName());
		if (info == null) {
			info = RuleInfo.of(rule);
		}
		String key = groupKey == null ? "" : groupKey;
		long now = drools.getKieRuntime().getSessionClock().getCurrentTime();
		String suppressKey = info.id() + "|" + key;
		Long last = lastRaised.get(suppressKey);
		if (last != null && now - last < info.suppress().toMillis()) {
			return;
		}
		if (lastRaised.size() > PURGE_THRESHOLD) {
			purge(now);
		}
		lastRaised.put(suppressKey, now);
		if (!muted) {
			sink.accept(Alert.of(info.id(), info.name(), info.severity(), info.tactic(), info.attack(),
					info.description(), key, events));
		}
	}

	void mute(boolean mute) {
		this.muted = mute;
	}

	private void purge(long now) {
		long longest = rules.values().stream().mapToLong(r -> r.suppress().toMillis()).max().orElse(0);
		lastRaised.values().removeIf(t -> now - t >= longest);
	}
}
