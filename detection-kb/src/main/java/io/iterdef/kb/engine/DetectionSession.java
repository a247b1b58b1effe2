package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.KeptFields;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One Drools session in STREAM mode whose pseudo clock follows event time: it only ever moves forward. Not
 * thread-safe: one session per stream task.
 *
 * <p>An event older than the clock (later than the reorder buffer's grace period, see {@link StreamDetector}) must not
 * go into this session: the time-window rules would see it with a wrong clock (and the engine would expire it at
 * once). {@link #insertLate(Event)} evaluates it with the single-event rules only (rules without {@code @window}), in a
 * second session on the same KieBase, and shares the suppression state.
 *
 * <p>A stream detector's session leaves the eager rules ({@link RuleSet#isEager}) to
 * {@link #evaluateOnArrival(Event)}, called when an event arrives, before the reorder buffer: its main session is built
 * on a KieBase without them, so an event released into it later does not evaluate them again.
 */
public final class DetectionSession implements AutoCloseable {

	private final KieSession session;

	private final SessionPseudoClock clock;

	private final Alerts alerts;

	private final Response response;

	private final KeptFields fieldsRead;

	/** Judges late events: the whole rule set, single-event rules only. */
	private final SideSession late;

	/** Judges events on arrival with the eager rules alone, or null when there are none. */
	private final SideSession onArrival;

	DetectionSession(KieBase kieBase, Map<String, RuleInfo> rules, AlertSink sink, ResponseSink responses,
			KeptFields fieldsRead) {
		this(kieBase, kieBase, null, rules, sink, responses, fieldsRead);
	}

	/**
	 * A stream detector's session: {@code main} holds every rule but the eager ones, which {@code eagerBase} holds
	 * alone (null when there are none, and then {@code main} is the whole set); late events are evaluated on
	 * {@code all}, the whole set.
	 */
	DetectionSession(KieBase main, KieBase all, KieBase eagerBase, Map<String, RuleInfo> rules, AlertSink sink,
			ResponseSink responses, KeptFields fieldsRead) {
		this.fieldsRead = fieldsRead;
		this.session = newPseudoClockSession(main);
		this.clock = session.getSessionClock();
		this.alerts = new Alerts(rules, sink, clock::getCurrentTime);
		this.response = new Response(alerts, responses);
		setGlobals(session, main);
		Set<String> singleEvent = new HashSet<>();
		rules.values().stream().filter(RuleInfo::singleEvent).forEach(r -> singleEvent.add(r.qualifiedName()));
		this.late = new SideSession(all, match -> singleEvent
			.contains(match.getRule().getPackageName() + "." + match.getRule().getName()));
		this.onArrival = eagerBase == null ? null : new SideSession(eagerBase, match -> true);
	}

	private static KieSession newPseudoClockSession(KieBase kieBase) {
		KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
		conf.setOption(ClockTypeOption.PSEUDO);
		return kieBase.newKieSession(conf, null);
	}

	private static boolean hasGlobal(KieBase kieBase, String name) {
		return kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream()
			.anyMatch(g -> g.getName().equals(name)));
	}

	private void setGlobals(KieSession s, KieBase base) {
		if (hasGlobal(base, "alerts")) {
			s.setGlobal("alerts", alerts);
		}
		if (hasGlobal(base, "response")) {
			s.setGlobal("response", response);
		}
	}

	/**
	 * Advances the pseudo clock to the event's time (never backwards), inserts the event and fires the rules. An event
	 * older than the clock is inserted at the current clock; callers route those to {@link #insertLate(Event)}.
	 * Then the event is {@linkplain Event#compact(KeptFields) compacted} (when parsed from JSON) to the fields the
	 * rules read, as the session keeps it for the longest window.
	 */
	public void insert(Event e) {
		advanceClock(e.getTimestampMillis());
		session.insert(e);
		session.fireAllRules();
		e.compact(fieldsRead);
	}

	/**
	 * Evaluates an event older than the clock with the single-event rules only ({@link RuleInfo#singleEvent()}): it is
	 * inserted into a second session on the same KieBase, fired with an agenda filter, then deleted, so no
	 * time-window rule sees it and the main session's clock and facts are untouched. Its alerts go through the same
	 * suppression state, timed at the event's own time. The second session's pseudo clock stays at 0, so the engine
	 * never expires the event under the rules' feet.
	 */
	public void insertLate(Event e) {
		late.judge(e);
	}

	/**
	 * Evaluates an on-time event with the eager rules at once (a stream detector's session only; does nothing when it
	 * has no eager rules), before the reorder buffer releases it into this session, which does not hold those rules:
	 * as a late event is, in a side session on the eager rules alone (inserted, fired, deleted), its alerts timed at
	 * its own time and going through the same suppression state, response actions included. While alerts are muted
	 * (a state rebuild), suppression windows open but nothing is emitted or requested.
	 */
	public void evaluateOnArrival(Event e) {
		if (onArrival != null) {
			onArrival.judge(e);
		}
	}

	/** Advances the pseudo clock (never backwards) and fires, so that windows and absence rules can close. */
	public void advanceTo(Instant t) {
		advanceClock(t.toEpochMilli());
		session.fireAllRules();
	}

	/**
	 * Emits the pending suppressed-match counts of every open suppression window now, whatever the clock (the end of
	 * an offline run).
	 */
	public void closeSuppressionWindows() {
		alerts.closeAll();
	}

	/** The pseudo clock's current time. */
	public Instant currentTime() {
		return Instant.ofEpochMilli(clock.getCurrentTime());
	}

	/** Number of events the session currently holds (the engine expires them after the rules' windows). */
	public long factCount() {
		return session.getFactCount();
	}

	/** While muted, rules fire and suppression state advances, but no alert reaches the sink (state rebuild). */
	public void setAlertsMuted(boolean muted) {
		alerts.mute(muted);
	}

	@Override
	public void close() {
		session.dispose();
		late.discard();
		if (onArrival != null) {
			onArrival.discard();
		}
	}

	/**
	 * A session beside the main one that judges one event at a time (late events, events on arrival): the event is
	 * inserted, the rules {@code filter} lets through fire, and it is deleted, its alerts timed at its own time and
	 * going through the main session's suppression state. Its pseudo clock stays at 0, so the engine never expires
	 * an event under the rules' feet. Created on the first event; started again from a clean session when a rule
	 * inserted a fact of its own or threw (the event may still be in it).
	 */
	private final class SideSession {
		private final KieBase base;

		private final AgendaFilter filter;

		private KieSession kie;

		SideSession(KieBase base, AgendaFilter filter) {
			this.base = base;
			this.filter = filter;
		}

		void judge(Event e) {
			if (kie == null) {
				kie = newPseudoClockSession(base);
				setGlobals(kie, base);
			}
			alerts.evaluatingLate(e.getTimestampMillis());
			try {
				FactHandle handle = kie.insert(e);
				kie.fireAllRules(filter);
				kie.delete(handle);
			}
			catch (RuntimeException ex) {
				discard();
				throw ex;
			}
			finally {
				alerts.doneLate();
			}
			if (kie.getFactCount() > 0) {
				discard();
			}
		}

		void discard() {
			if (kie != null) {
				kie.dispose();
				kie = null;
			}
		}
	}

	/**
	 * Moves the clock forward, then closes the suppression windows due by then (emitting their counts) before
	 * anything fires: a match exactly at a window's end is then a new alert, after the old one's update.
	 */
	private void advanceClock(long millis) {
		long delta = millis - clock.getCurrentTime();
		if (delta > 0) {
			clock.advanceTime(delta, TimeUnit.MILLISECONDS);
		}
		alerts.closeExpired(clock.getCurrentTime());
	}
}
