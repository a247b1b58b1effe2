package io.iterdef.streams.index;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk listener: settles the offsets of documents Elasticsearch stored; remembers a failure (request
 * failed, or an item was refused with 429 / 5xx) so the consumer rewinds and retries. An item refused
 * with another 4xx (e.g. a mapping conflict) would fail the same way forever: it is logged with its
 * reason and settled, so one bad document cannot stop the index (the record stays in Kafka).
 */
final class BulkOutcome implements BulkListener<BulkOutcome.Source> {
    private static final Logger log = LoggerFactory.getLogger(BulkOutcome.class);

    /**
     * The {@code filter_path} of the indexer's bulk requests: what {@link #afterBulk} reads and the client's
     * {@code BulkResponse} requires, no more. Without it Elasticsearch writes, and the client parses into objects,
     * each item's {@code _version}, {@code result}, {@code _shards}, {@code _seq_no} and {@code _primary_term} too.
     * {@code error} and {@code status} keep a failed request's error body readable.
     */
    static final String RESPONSE_FIELDS =
            "took,errors,error,status,items.*._index,items.*._id,items.*.status,items.*.error";

    record Source(TopicPartition partition, long offset) {
    }

    private final OffsetTracker tracker;
    private final AtomicReference<String> failure = new AtomicReference<>();

    BulkOutcome(OffsetTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<Source> contexts) {
        // nothing to do
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Source> contexts, BulkResponse response) {
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            Source source = contexts.get(i);
            if (item.error() == null) {
                tracker.done(source.partition(), source.offset());
            } else if (item.status() == 429 || item.status() >= 500) {
                failure.compareAndSet(null, "item " + item.id() + " in " + item.index() + ": " + item.status()
                        + " " + item.error().reason());
            } else {
                log.error("Elasticsearch refused document {} in {} ({} {}: {}); record {}@{} is skipped",
                        item.id(), item.index(), item.status(), item.error().type(), item.error().reason(),
                        source.partition(), source.offset());
                tracker.done(source.partition(), source.offset());
            }
        }
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<Source> contexts, Throwable error) {
        failure.compareAndSet(null, error.toString());
    }

    /** The first failure since the last call, or null; clears it. */
    String takeFailure() {
        return failure.getAndSet(null);
    }

    boolean hasFailure() {
        return failure.get() != null;
    }
}
