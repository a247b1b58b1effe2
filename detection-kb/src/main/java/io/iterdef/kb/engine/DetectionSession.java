package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.time.SessionPseudoClock;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Drools session in STREAM mode whose pseudo clock follows event time: it only ever moves forward. Not
 * thread-safe: one session per stream task.
 */
public final class DetectionSession implements AutoCloseable {

	private final KieSession session;

	private final SessionPseudoClock clock;

	private final Alerts alerts;

	DetectionSession(KieBase kieBase, Map<String, RuleInfo> rules, AlertSink sink) {
		KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
		conf.setOption(ClockTypeOption.PSEUDO);
		this.session = kieBase.newKieSession(conf, null);
		this.clock = session.getSessionClock();
		this.alerts = new Alerts(rules, sink);
		if (hasGlobal(kieBase)) {
			session.setGlobal("alerts", alerts);
		}
	}

	private static boolean hasGlobal(KieBase kieBase) {
		return kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream()
			.anyMatch(g -> g.getName().equals("alerts")));
	}

	/** Advances the pseudo clock to the event's time (never backwards), inserts the event and fires the rules. */
	public void insert(Event e) {
		advanceClock(e.getTimestampMillis());
		session.insert(e);
		session.fireAllRules();
	}

	/** Advances the pseudo clock (never backwards) and fires, so that windows and absence rules can close. */
	public void advanceTo(Instant t) {
		advanceClock(t.toEpochMilli());
		session.fireAllRules();
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
	}

	private void advanceClock(long millis) {
		long delta = millis - clock.getCurrentTime();
		if (delta > 0) {
			clock.advanceTime(delta, TimeUnit.MILLISECONDS);
		}
	}
}
