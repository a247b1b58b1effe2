package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;

import java.time.Duration;
import java.time.Instant;
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
		insertAll(buffer.add(e));
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
