package io.iterdef.kb.engine;

import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.LongSupplier;

/**
 * The global alert sink of every rule ({@code global io.iterdef.kb.engine.Alerts alerts;}). A rule calls
 * {@code alerts.raise(drools, groupKey, events)}; the rule's metadata is read from its annotations.
 *
 * <p><b>Suppression with counts.</b> The first match of a (rule id, group key) is emitted at once (no detection
 * delay) and opens a suppression window of the rule's {@code @suppress}. Further matches of that key whose time is
 * less than {@code @suppress} away from the alert's time are not emitted but counted. When the window closes on the
 * session clock ({@link #closeExpired(long)}, called by the session whenever its clock moves, before it fires) and
 * matches were suppressed, the same alert is emitted again (same id and {@code @timestamp}) with
 * {@code suppressed_count} and {@code last_suppressed_at}, so that stores keyed by alert id update it. A match exactly
 * {@code @suppress} after the alert is a new alert: the window covers {@code [t, t + suppress)}.
 *
 * <p>Windows close in expiry order from a priority queue, so the check costs nothing when no window is due, and the
 * state is bounded by the keys that raised within the last suppression period (no separate purge).
 *
 * <p><b>Late events.</b> The session evaluates an event older than its clock with the single-event rules only (see
 * {@link DetectionSession#insertLate(Event)}); while it does, "now" is that event's own time instead of the clock, so
 * a late match is counted into the window of the alert it falls next to (|t - alert time| &lt; suppress), or else
 * raises its own alert. A window opened by a late match still stays open for {@code @suppress} of session-clock time
 * (it closes at clock + suppress, not at its event time + suppress, which may already be past): the rest of a late
 * burst (a shipper's backlog) is counted into it instead of raising one alert per event. The eager rules a stream
 * detector evaluates when an event arrives ({@link DetectionSession#evaluateOnArrival(Event)}) are timed the same way,
 * at the event's own time, which is then at or ahead of the clock; their window closes at that time + suppress.
 *
 * <p><b>One match, one raise.</b> Drools fires a rule again for the same facts when an {@code accumulate} result in
 * it changes: a threshold rule anchored on its last event ({@code $last : Event(...)} + an accumulate of the events
 * before it) fires again each time one of the accumulated events expires, with the remaining ones, as long as the
 * threshold still holds. Those are not new matches: once the suppression window has closed (the session clock moved
 * on, e.g. with other hosts' events) they raised a second alert for an old burst. A raise is ignored when the same
 * rule and group key already raised for the same events of the rule's own patterns (the accumulate's members
 * excluded); the record lives as long as those events (weak keys: the session holds them while a re-fire can happen).
 */
public final class Alerts {

	private static final long NOT_LATE = Long.MIN_VALUE;

	private final Map<String, RuleInfo> rules;

	private final AlertSink sink;

	private final LongSupplier clock;

	/** Open windows per rule id + group key; usually one, more only when late matches open their own. */
	private final Map<String, List<Window>> open = new HashMap<>();

	private final PriorityQueue<Window> byClose = new PriorityQueue<>(Comparator.comparingLong(Window::closeAt));

	private long lateTime = NOT_LATE;

	/** Matches that raised (rule id, group key, ids of the match's events), per anchor event of the match. */
	private final Map<Event, Set<String>> raisedMatches = new WeakHashMap<>();

	private boolean muted;

	/** What the last {@link #raise} did, for {@link Response#collect} in the same rule action. */
	record Raised(Match match, Alert alert, boolean isNew) {
	}

	private Raised lastRaised;

	private static final class Window {

		final String key;

		final long start;

		final long closeAt;

		final Alert alert;

		long suppressed;

		long lastSuppressed;

		Window(String key, long start, long closeAt, Alert alert) {
			this.key = key;
			this.start = start;
			this.closeAt = closeAt;
			this.alert = alert;
		}

		long closeAt() {
			return closeAt;
		}
	}

	/** {@code clock}: the session clock (epoch millis) on which windows open and close. */
	Alerts(Map<String, RuleInfo> rulesByQualifiedName, AlertSink sink, LongSupplier clock) {
		this.rules = rulesByQualifiedName;
		this.sink = sink;
		this.clock = clock;
	}

	/** Raises an alert for the calling rule, or counts the match when its key is suppressed. {@code events} must not be empty. */
	public void raise(RuleContext drools, String groupKey, List<Event> events) {
		Rule rule = drools.getRule();
		RuleInfo info = rules.get(rule.getPackageName() + "." + rule.getName());
		if (info == null) {
			info = RuleInfo.of(rule);
		}
		String key = groupKey == null ? "" : groupKey;
		Match match = drools.getMatch();
		if (isRepeat(match, info.id() + "|" + key)) {
			lastRaised = new Raised(match, null, false);
			return;
		}
		long clockNow = clock.getAsLong();
		long now = lateTime != NOT_LATE ? lateTime : clockNow;
		long suppress = info.suppress().toMillis();
		String suppressKey = info.id() + "|" + key;
		if (suppress > 0) {
			List<Window> windows = open.get(suppressKey);
			if (windows != null) {
				for (int i = windows.size() - 1; i >= 0; i--) {
					Window w = windows.get(i);
					if (Math.abs(now - w.start) < suppress) {
						lastRaised = new Raised(drools.getMatch(), w.alert, false);
						w.suppressed++;
						w.lastSuppressed = w.suppressed == 1 ? now : Math.max(w.lastSuppressed, now);
						return;
					}
				}
			}
		}
		Alert alert = Alert.of(info.id(), info.name(), info.severity(), info.tactic(), info.attack(),
				info.description(), key, events);
		if (suppress > 0) {
			// on the clock, at least suppress after the match: a late match's window closes at clock + suppress, an
			// on-arrival match (ahead of the clock, which waits for the reorder buffer) at its own time + suppress,
			// as it would have in time order
			Window w = new Window(suppressKey, now, Math.max(clockNow, now) + suppress, alert);
			open.computeIfAbsent(suppressKey, k -> new ArrayList<>(1)).add(w);
			byClose.add(w);
		}
		lastRaised = new Raised(drools.getMatch(), alert, true);
		if (!muted) {
			sink.accept(alert);
		}
	}

	/**
	 * True when this match (same rule and key, same events bound by the rule's patterns) raised before; records it
	 * otherwise. A match without events of its own (only accumulate results or other facts) is never a repeat.
	 */
	private boolean isRepeat(Match match, String ruleAndKey) {
		if (match == null) {
			return false;
		}
		Event anchor = null;
		StringBuilder facts = new StringBuilder(ruleAndKey);
		for (Object o : match.getObjects()) {
			if (o instanceof Event e) {
				anchor = e;
				facts.append('|').append(e.getId()).append('@').append(System.identityHashCode(e));
			}
		}
		if (anchor == null) {
			return false;
		}
		return !raisedMatches.computeIfAbsent(anchor, k -> new HashSet<>(2)).add(facts.toString());
	}

	Raised lastRaised() {
		return lastRaised;
	}

	boolean isMuted() {
		return muted;
	}

	/**
	 * Closes the windows due at {@code clockMillis} (close time at or before it): each one that suppressed matches
	 * emits its alert again with the count.
	 */
	void closeExpired(long clockMillis) {
		while (!byClose.isEmpty() && byClose.peek().closeAt <= clockMillis) {
			close(byClose.poll());
		}
	}

	/** Closes every open window now (the end of an offline run), emitting the pending counts. */
	void closeAll() {
		while (!byClose.isEmpty()) {
			close(byClose.poll());
		}
	}

	/** Number of open suppression windows. */
	int openWindows() {
		return byClose.size();
	}

	private void close(Window w) {
		List<Window> windows = open.get(w.key);
		if (windows != null) {
			windows.remove(w);
			if (windows.isEmpty()) {
				open.remove(w.key);
			}
		}
		// While muted (a state rebuild) nothing is emitted; a window that closes after unmuting emits what it counted,
		// possibly fewer than before the restart: consumers keep the highest count of an alert id.
		if (w.suppressed > 0 && !muted) {
			sink.accept(w.alert.withSuppressed(w.suppressed, Instant.ofEpochMilli(w.lastSuppressed)));
		}
	}

	/** While set, matches are timed at this late event's time instead of the session clock. */
	void evaluatingLate(long eventTimeMillis) {
		this.lateTime = eventTimeMillis;
	}

	void doneLate() {
		this.lateTime = NOT_LATE;
	}

	void mute(boolean mute) {
		this.muted = mute;
	}
}
