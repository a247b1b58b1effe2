package io.iterdef.streams.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private final TopicPartition tp = new TopicPartition("iterdef.events", 0);
    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void shouldCommitOnlyBelowTheFirstUnindexedRecordWhenBulksCompleteOutOfOrder() {
        tracker.added(tp, 10);
        tracker.added(tp, 11);
        tracker.added(tp, 12);
        tracker.done(tp, 11);
        tracker.done(tp, 12);

        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(10));

        tracker.done(tp, 10);
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(13));
    }

    @Test
    void shouldNotOfferTheSameOffsetTwiceWhenItWasCommitted() {
        tracker.added(tp, 0);
        tracker.done(tp, 0);
        var offsets = tracker.committable();
        tracker.markCommitted(offsets);

        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void shouldRewindToTheFirstUnsettledRecordWhenABulkFailed() {
        tracker.added(tp, 5);
        tracker.added(tp, 6);
        tracker.done(tp, 6);

        assertThat(tracker.rewindOffset(tp)).isEqualTo(5L);
        tracker.rewound(tp, 5);
        assertThat(tracker.rewindOffset(tp)).isNull();
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(5));
    }
}
