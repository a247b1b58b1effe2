package io.iterdef.streams.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.io.IOException;
import java.io.StringReader;
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

    @Test
    void shouldReadTheResponseElasticsearchSendsThroughTheFilterPath() {
        // an Elasticsearch 8 answer to ?filter_path=<RESPONSE_FIELDS>: one document stored, one refused for good
        String filtered = "{\"errors\":true,\"took\":600,\"items\":[{\"index\":{\"_index\":\"events-2026.11.17\","
                + "\"_id\":\"1\",\"status\":201}},{\"index\":{\"_index\":\"events-2026.11.17\",\"_id\":\"2\","
                + "\"status\":400,\"error\":{\"type\":\"document_parsing_exception\",\"reason\":\"failed to parse "
                + "field [a] of type [long]\",\"caused_by\":{\"type\":\"illegal_argument_exception\","
                + "\"reason\":\"Cannot parse object as number\"}}}}]}";
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        BulkResponse response = BulkResponse._DESERIALIZER.deserialize(
                mapper.jsonProvider().createParser(new StringReader(filtered)), mapper);
        List<BulkOutcome.Source> two = sources.subList(0, 2);
        two.forEach(s -> tracker.added(tp, s.offset()));
        outcome.afterBulk(1, request, two, response);

        assertThat(response.items()).extracting(BulkResponseItem::status).containsExactly(201, 400);
        assertThat(response.items().get(1).error().type()).isEqualTo("document_parsing_exception");
        assertThat(outcome.hasFailure()).isFalse();
        assertThat(tracker.committable()).containsEntry(tp, new OffsetAndMetadata(2));
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
