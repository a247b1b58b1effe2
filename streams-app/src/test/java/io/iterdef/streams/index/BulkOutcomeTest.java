package io.iterdef.streams.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BulkOutcomeTest {
    private final TopicPartition tp = new TopicPartition("iterdef.events", 0);
    private final OffsetTracker tracker = new OffsetTracker();
    private final BulkOutcome outcome = new BulkOutcome(tracker);
    private final BulkRequest request = BulkRequest.of(b -> b.operations(List.of()));
    private final List<BulkOutcome.Source> sources = List.of(new BulkOutcome.Source(tp, 0),
            new BulkOutcome.Source(tp, 1), new BulkOutcome.Source(tp, 2));

    @Test
    void shouldSettleAllOffsetsWhenEveryItemIsStored() {
        sources.forEach(s -> tracker.added(tp, s.offset()));
        outcome.afterBulk(1, request, sources, response(item(201, null), item(200, null), item(201, null)));

        assertThat(outcome.hasFailure()).isFalse();
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(3));
    }

    @Test
    void shouldKeepTheOffsetAndReportFailureWhenAnItemIsRejectedForLoad() {
        sources.forEach(s -> tracker.added(tp, s.offset()));
        outcome.afterBulk(1, request, sources, response(item(201, null), item(429, "es_rejected_execution_exception"),
                item(201, null)));

        assertThat(outcome.takeFailure()).contains("429");
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(1));
    }

    @Test
    void shouldSettleAndNotRetryWhenAnItemCanNeverBeIndexed() {
        sources.forEach(s -> tracker.added(tp, s.offset()));
        outcome.afterBulk(1, request, sources, response(item(201, null), item(400, "document_parsing_exception"),
                item(201, null)));

        assertThat(outcome.hasFailure()).isFalse();
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(3));
    }

    @Test
    void shouldCommitNothingOfTheRequestWhenElasticsearchIsUnreachable() {
        sources.forEach(s -> tracker.added(tp, s.offset()));
        outcome.afterBulk(1, request, sources, new IOException("Connection refused"));

        assertThat(outcome.takeFailure()).contains("Connection refused");
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(0));
        assertThat(tracker.rewindOffset(tp)).isEqualTo(0L);
    }

    private static BulkResponse response(BulkResponseItem... items) {
        return BulkResponse.of(b -> b.errors(true).took(1).items(List.of(items)));
    }

    private static BulkResponseItem item(int status, String errorType) {
        return BulkResponseItem.of(i -> {
            i.operationType(OperationType.Index).index("events-2026.11.17").id("x").status(status);
            if (errorType != null) {
                i.error(e -> e.type(errorType).reason("test"));
            }
            return i;
        });
    }
}
