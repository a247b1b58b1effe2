package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Detection over a live stream for one partition of events: a {@link ReorderBuffer} in front of a
 * {@link DetectionSession}. Not thread-safe: one per stream task.
 *
 * <ul>
 * <li>An event within the grace period of the newest event seen waits in the buffer and is evaluated in time order
 * by every rule.</li>
 * <li>An event older than the session's clock arrived later than the grace period (the clock never passes the newest
 * event minus the grace, except after a {@link #flush()} on quiet input): it is <em>late</em>. It does not enter the
 * main session, whose clock is past it, but is evaluated by the single-event rules only
 * ({@link DetectionSession#insertLate(Event)}), and counted ({@link #lateEvents()}). A late event therefore never
 * completes a threshold or a sequence; the count tells operators how often that happens (a shipper's clock or a
 * backlog).</li>
 * <li>The eager rules ({@link RuleSet#isEager}: single-event rules whose action does not change working memory) judge
 * an on-time event when it arrives ({@link DetectionSession#evaluateOnArrival(Event)}), its alerts timed at the event's
 * own time, so their alerts do not wait for the grace period; the main session does not hold them, so they do not
 * judge it again when the buffer releases it. Matches out of order within the grace period are judged in arrival
 * order: the first to arrive raises the alert, the others are counted into it.</li>
 * </ul>
 */
public final class StreamDetector implements AutoCloseable {

	private final DetectionSession session;

	private final ReorderBuffer buffer;

	private final BiConsumer<Event, RuntimeException> onRuleError;

	private Instant newest;

	private long late;

	/** {@code onRuleError}: told when evaluating an event throws; detection goes on with the next event. */
	StreamDetector(DetectionSession session, Duration grace, BiConsumer<Event, RuntimeException> onRuleError) {
		this.session = session;
		this.buffer = new ReorderBuffer(grace);
		this.onRuleError = onRuleError;
	}

	/** Takes one event: buffers it and evaluates what the buffer releases, or evaluates it at once as a late event. */
	public void add(Event e) {
		if (newest == null || e.getTimestamp().isAfter(newest)) {
			newest = e.getTimestamp();
		}
		if (e.getTimestampMillis() < session.currentTime().toEpochMilli()) {
			late++;
			try {
				session.insertLate(e);
			}
			catch (RuntimeException ex) {
				onRuleError.accept(e, ex);
			}
			return;
		}
		evaluateOnArrival(e);
		insertAll(buffer.add(e));
	}

	private void evaluateOnArrival(Event e) {
		try {
			session.evaluateOnArrival(e);
		}
		catch (RuntimeException ex) {
			onRuleError.accept(e, ex);
		}
	}

	private void insertAll(Iterable<Event> events) {
		for (Event released : events) {
			try {
				session.insert(released);
			}
			catch (RuntimeException ex) {
				// a rule that throws on one event must not stop detection for the others
				onRuleError.accept(released, ex);
			}
		}
	}

	/**
	 * Input has gone quiet: evaluates every buffered event, then moves the clock to the newest event seen so that
	 * windows, absence rules and suppression windows up to it close.
	 */
	public void flush() {
		insertAll(buffer.flushAll());
		if (newest != null) {
			session.advanceTo(newest);
		}
	}

	/**
	 * The first step of a rebuild after a restart or a move of the task, before {@link #restore}: the eager rules judge
	 * the events the detector had taken (late ones excepted) again, with alerts muted, <em>in the order they arrived</em>,
	 * as they did then. Their suppression windows open as they did, each under the alert it raised (whose id names
	 * the first matching event to arrive, which within the grace period need not be the first in time), so a window
	 * still open at the restart sends its suppressed count later under that same alert, and a match arriving after the
	 * restart is counted into it. Does nothing without eager rules.
	 */
	public void rejudgeOnArrival(Iterator<Event> inArrivalOrder) {
		session.setAlertsMuted(true);
		try {
			while (inArrivalOrder.hasNext()) {
				evaluateOnArrival(inArrivalOrder.next());
			}
		}
		finally {
			session.setAlertsMuted(false);
		}
	}

	/**
	 * Rebuilds this (fresh) detector's state after a restart or a move of its task, from the events it had taken
	 * (late ones excepted), in the order the reorder buffer releases them (time, then arrival), how many of the first
	 * of them had been evaluated (the rest were still waiting in the buffer), and its clock and newest event time as
	 * of then. The evaluated ones go into the session with alerts muted (rules fire and suppression windows open, so a
	 * match already alerted on is not alerted again, and a sequence half seen completes once), then the clock is set;
	 * the others go back into the buffer, to be evaluated normally. The eager rules are not run here: they judged
	 * every one of these events when it arrived, and {@link #rejudgeOnArrival} repeats that first. The events are
	 * read one at a time: the session holds only what its rules' windows keep.
	 *
	 * @param inReleaseOrder the events, by time, ties in arrival order
	 * @param evaluated how many of the first events had been evaluated
	 * @param newest the newest event time seen, or null
	 */
	public void restore(Iterator<Event> inReleaseOrder, long evaluated, Instant clock, Instant newest) {
		session.setAlertsMuted(true);
		try {
			for (long i = 0; i < evaluated && inReleaseOrder.hasNext(); i++) {
				insertAll(List.of(inReleaseOrder.next()));
			}
			session.advanceTo(clock);
		}
		finally {
			session.setAlertsMuted(false);
		}
		this.newest = newest;
		while (inReleaseOrder.hasNext()) {
			// nothing is released: they are all within the grace period of the newest of them
			insertAll(buffer.add(inReleaseOrder.next()));
		}
	}

	/** The newest event time seen, or null before the first event. */
	public Instant newest() {
		return newest;
	}

	/** Events evaluated as late (older than the clock when they arrived) since this detector started. */
	public long lateEvents() {
		return late;
	}

	/** Events waiting in the reorder buffer. */
	public int buffered() {
		return buffer.size();
	}

	public DetectionSession session() {
		return session;
	}

	@Override
	public void close() {
		session.close();
	}
}
