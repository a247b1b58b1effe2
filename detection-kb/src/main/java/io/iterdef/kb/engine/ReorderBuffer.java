package io.iterdef.kb.engine;

import io.iterdef.kb.event.Event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts slightly out-of-order events back in time order: an event is released once its time is at or before the newest
 * event time seen minus the grace period. Ties keep arrival order. Not thread-safe.
 */
public final class ReorderBuffer {

	/** The default grace period: 5 seconds of event time. */
	public static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

	private record Entry(Event event, long seq) {
	}

	private final long graceMillis;

	private final PriorityQueue<Entry> queue = new PriorityQueue<>(
			Comparator.comparingLong((Entry en) -> en.event().getTimestampMillis()).thenComparingLong(Entry::seq));

	private long maxSeen = Long.MIN_VALUE;

	private long seq;

	public ReorderBuffer(Duration grace) {
		if (grace.isNegative()) {
			throw new IllegalArgumentException("grace must not be negative: " + grace);
		}
		this.graceMillis = grace.toMillis();
	}

	/** Adds an event; returns the events now released, in time order (possibly empty). */
	public List<Event> add(Event e) {
		queue.add(new Entry(e, seq++));
		maxSeen = Math.max(maxSeen, e.getTimestampMillis());
		List<Event> released = new ArrayList<>();
		long watermark = maxSeen - graceMillis;
		while (!queue.isEmpty() && queue.peek().event().getTimestampMillis() <= watermark) {
			released.add(queue.poll().event());
		}
		return released;
	}

	/** Releases every buffered event in time order (when input goes quiet, or at the end of a file). */
	public List<Event> flushAll() {
		List<Event> released = new ArrayList<>(queue.size());
		while (!queue.isEmpty()) {
			released.add(queue.poll().event());
		}
		return released;
	}

	public int size() {
		return queue.size();
	}
}
