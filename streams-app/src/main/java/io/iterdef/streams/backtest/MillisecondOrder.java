package io.iterdef.streams.backtest;

import io.iterdef.kb.event.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Puts events sorted by millisecond (what Elasticsearch's {@code date} sorts on) in the exact time order of their
 * {@code @timestamp}, which can be finer: each run of events in the same millisecond is sorted by instant, stably
 * (events at the same instant keep the search's order). Holds one millisecond's events at a time.
 */
final class MillisecondOrder implements Iterator<Event> {
    private final Iterator<Event> byMillisecond;
    private final Deque<Event> ready = new ArrayDeque<>();
    private Event next;

    MillisecondOrder(Iterator<Event> byMillisecond) {
        this.byMillisecond = byMillisecond;
        this.next = byMillisecond.hasNext() ? byMillisecond.next() : null;
    }

    @Override
    public boolean hasNext() {
        if (ready.isEmpty() && next != null) {
            List<Event> run = new ArrayList<>();
            long millis = next.getTimestampMillis();
            while (next != null && next.getTimestampMillis() == millis) {
                run.add(next);
                next = byMillisecond.hasNext() ? byMillisecond.next() : null;
            }
            if (next != null && next.getTimestampMillis() < millis) {
                throw new IllegalStateException("events out of time order: " + next.getTimestamp() + " after "
                        + run.get(0).getTimestamp());
            }
            run.sort(Comparator.comparing(Event::getTimestamp));
            ready.addAll(run);
        }
        return !ready.isEmpty();
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }
}
