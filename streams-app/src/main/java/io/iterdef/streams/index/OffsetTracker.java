package io.iterdef.streams.index;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets are safe to commit: per partition, everything below the lowest offset still waiting for
 * Elasticsearch. {@link #added} is called by the consumer thread, {@link #done} by the bulk listener's
 * thread; {@link #committable} only by the consumer thread.
 */
final class OffsetTracker {
    private final Map<TopicPartition, NavigableSet<Long>> pending = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> nextOffset = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    void added(TopicPartition tp, long offset) {
        pending.computeIfAbsent(tp, k -> new ConcurrentSkipListSet<>()).add(offset);
        nextOffset.merge(tp, offset + 1, Math::max);
    }

    /** Marks an offset as settled: indexed, or known to be unindexable and logged. */
    void done(TopicPartition tp, long offset) {
        NavigableSet<Long> set = pending.get(tp);
        if (set != null) {
            set.remove(offset);
        }
    }

    /** Offsets to commit now (only those that moved since the last call). */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (var e : nextOffset.entrySet()) {
            TopicPartition tp = e.getKey();
            NavigableSet<Long> set = pending.get(tp);
            Long lowestPending = set == null || set.isEmpty() ? null : set.first();
            long safe = lowestPending != null ? lowestPending : e.getValue();
            Long last = committed.get(tp);
            if (last == null || safe > last) {
                result.put(tp, new OffsetAndMetadata(safe));
            }
        }
        return result;
    }

    void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, om) -> committed.put(tp, om.offset()));
    }

    /** The offset to rewind to after a failure: the lowest unsettled one, or null if all are settled. */
    Long rewindOffset(TopicPartition tp) {
        NavigableSet<Long> set = pending.get(tp);
        return set == null || set.isEmpty() ? null : set.first();
    }

    /** After a seek back to {@code offset}: nothing is pending, and nothing at or above it is settled. */
    void rewound(TopicPartition tp, long offset) {
        pending.remove(tp);
        nextOffset.put(tp, offset);
    }

    void forget(TopicPartition tp) {
        pending.remove(tp);
        nextOffset.remove(tp);
        committed.remove(tp);
    }

    void clear() {
        pending.clear();
        nextOffset.clear();
        committed.clear();
    }
}
