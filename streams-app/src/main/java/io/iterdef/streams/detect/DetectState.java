package io.iterdef.streams.detect;

import io.iterdef.kb.event.Event;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A detect task's recoverable state, in a persistent key-value store with a changelog topic (so it follows the
 * task to whichever instance runs it, and commits with the task's input offsets and output under exactly-once):
 * every event the task took (late ones excepted, as they never entered the session) while it is younger than the
 * retention, and the detector's clock, newest event time and how many events wait in its reorder buffer. Keys:
 * {@code 'e'} + event time (8 bytes, big-endian, sign flipped so that byte order is time order) + arrival number
 * (8 bytes) for events, so that key order is the order the reorder buffer releases them in and the buffered ones are
 * the last; {@code 'a'} + arrival number for the same events in the order they arrived (the eager rules judged them
 * in that order, see {@link io.iterdef.kb.engine.StreamDetector#rejudgeOnArrival}); {@code 'm'} for the clock.
 * Values: the event's ECS JSON as received; its time (a long) under its arrival number; four longs (clock, newest,
 * next arrival number, buffered count) for the clock.
 */
final class DetectState {
    static final String STORE = "detect-state";
    private static final byte EVENT = 'e';
    private static final byte ARRIVAL = 'a';
    private static final Bytes META = Bytes.wrap(new byte[] {'m'});
    private static final long NONE = Long.MIN_VALUE;

    private final KeyValueStore<Bytes, byte[]> store;
    private final long retentionMs;
    private long prunedBefore = Long.MIN_VALUE;
    private long nextSeq;
    private long savedClock = NONE;
    private long savedNewest = NONE;
    private long savedBuffered = -1;

    DetectState(KeyValueStore<Bytes, byte[]> store, Duration retention) {
        this.store = store;
        this.retentionMs = retention.toMillis();
    }

    static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeBuilder() {
        // the record cache folds the clock's many updates into one changelog record per commit
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    /** Reads the saved clock; false when there is none (a new task). */
    boolean load() {
        byte[] v = store.get(META);
        if (v == null) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(v);
        savedClock = b.getLong();
        savedNewest = b.getLong();
        nextSeq = b.getLong();
        savedBuffered = b.getLong();
        return true;
    }

    void put(Event event, byte[] json) {
        long seq = nextSeq++;
        store.put(eventKey(event.getTimestampMillis(), seq), json);
        store.put(arrivalKey(seq), ByteBuffer.allocate(8).putLong(event.getTimestampMillis()).array());
    }

    /** Saves the clock, newest event time and buffered count (and the next arrival number) when they moved. */
    void saveClock(Instant clock, Instant newest, int buffered) {
        long c = clock.toEpochMilli();
        long n = newest == null ? NONE : newest.toEpochMilli();
        // the arrival number moves with every stored event, and so does the clock or the buffered count
        store.put(META, ByteBuffer.allocate(32).putLong(c).putLong(n).putLong(nextSeq).putLong(buffered).array());
        savedClock = c;
        savedNewest = n;
        savedBuffered = buffered;
    }

    Instant clock() {
        return Instant.ofEpochMilli(savedClock);
    }

    Instant newest() {
        return savedNewest == NONE ? null : Instant.ofEpochMilli(savedNewest);
    }

    int buffered() {
        return (int) savedBuffered;
    }

    /** Every stored event, in time order (tests; a rebuild reads them one at a time with {@link #replay}). */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = allEvents()) {
            it.forEachRemaining(kv -> events.add(Event.fromJson(kv.value)));
        }
        return events;
    }

    /** The number of stored events. */
    long count() {
        long n = 0;
        try (KeyValueIterator<Bytes, byte[]> it = allEvents()) {
            for (; it.hasNext(); it.next()) {
                n++;
            }
        }
        return n;
    }

    /** Hands {@code to} the stored events in time order, parsed one at a time. */
    void replay(Consumer<Iterator<Event>> to) {
        try (KeyValueIterator<Bytes, byte[]> it = allEvents()) {
            to.accept(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Event next() {
                    return Event.fromJson(it.next().value);
                }
            });
        }
    }

    /**
     * Hands {@code to} the stored events in the order they arrived, parsed one at a time. An event stored before
     * the arrival index existed (an older version's store) is left out.
     */
    void replayInArrivalOrder(Consumer<Iterator<Event>> to) {
        try (KeyValueIterator<Bytes, byte[]> it = store.range(arrivalKey(0), arrivalKey(-1))) {
            to.accept(new Iterator<>() {
                private Event next = advance();

                private Event advance() {
                    while (it.hasNext()) {
                        KeyValue<Bytes, byte[]> kv = it.next();
                        long seq = ByteBuffer.wrap(kv.key.get(), 1, 8).getLong();
                        byte[] json = store.get(eventKey(ByteBuffer.wrap(kv.value).getLong(), seq));
                        if (json != null) {
                            return Event.fromJson(json);
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Event next() {
                    if (next == null) {
                        throw new java.util.NoSuchElementException();
                    }
                    Event e = next;
                    next = advance();
                    return e;
                }
            });
        }
    }

    private KeyValueIterator<Bytes, byte[]> allEvents() {
        return store.range(eventKey(Long.MIN_VALUE, 0), eventKey(Long.MAX_VALUE, -1));
    }

    /** Deletes the events older than the clock minus the retention; returns how many. */
    int prune(Instant clock) {
        long cutoff = clock.toEpochMilli() - retentionMs;
        if (cutoff <= prunedBefore) {
            return 0;
        }
        List<Bytes> expired = new ArrayList<>();
        // from the previous cutoff on: the range skips what was deleted before (tombstones cost on every scan)
        try (KeyValueIterator<Bytes, byte[]> it = store.range(eventKey(prunedBefore, 0), eventKey(cutoff, 0))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                expired.add(kv.key);
            }
        }
        for (Bytes key : expired) {
            store.delete(key);
            store.delete(arrivalKey(ByteBuffer.wrap(key.get(), 9, 8).getLong()));
        }
        prunedBefore = cutoff;
        return expired.size();
    }

    /** An event's arrival number, under which its time is kept. -1 is the highest (unsigned byte order). */
    static Bytes arrivalKey(long seq) {
        return Bytes.wrap(ByteBuffer.allocate(9).put(ARRIVAL).putLong(seq).array());
    }

    /** Arrival numbers compare as unsigned bytes: -1 is the highest. */
    static Bytes eventKey(long timeMillis, long seq) {
        return Bytes.wrap(ByteBuffer.allocate(17).put(EVENT).putLong(timeMillis ^ Long.MIN_VALUE).putLong(seq)
                .array());
    }
}
