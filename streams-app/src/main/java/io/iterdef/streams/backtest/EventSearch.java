package io.iterdef.streams.backtest;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.index.EventDocument;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The events of an index pattern in a time range [from, to), optionally narrowed by a Lucene query string, read in
 * time order: a point in time on the indices, then pages sorted by {@code @timestamp} and {@code _shard_doc} with
 * {@code search_after}, so that a long range is never held in memory and documents indexed meanwhile do not shift
 * the pages. {@link #close()} closes the point in time. Every failure is a {@link BacktestException} with a message
 * for the user.
 */
final class EventSearch implements AutoCloseable {
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient client;
    private final EsErrors errors;
    private final String index;
    private final Instant from;
    private final Instant to;
    private final Query query;
    private final int pageSize;
    private String pitId;

    EventSearch(ElasticsearchClient client, EsErrors errors, String index, Instant from, Instant to,
            String queryString, int pageSize) {
        this.client = client;
        this.errors = errors;
        this.index = index;
        this.from = from;
        this.to = to;
        this.pageSize = pageSize;
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("@timestamp")
                .gte(from.toString()).lt(to.toString()).format("strict_date_optional_time_nanos")))));
        if (queryString != null && !queryString.isBlank()) {
            filters.add(Query.of(q -> q.queryString(s -> s.query(queryString))));
        }
        this.query = Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    /** How many events match (a usage error when no index matches the pattern or the query is refused). */
    long count() {
        try {
            return client.count(c -> c.index(index).query(query).allowNoIndices(false).ignoreUnavailable(false))
                    .count();
        } catch (ElasticsearchException e) {
            throw errors.refused(e);
        } catch (IOException e) {
            throw errors.unreachable(e);
        }
    }

    /** The matching events in time order, page by page; opens the point in time. */
    Iterator<Event> events() {
        try {
            pitId = client.openPointInTime(p -> p.index(index).keepAlive(t -> t.time(KEEP_ALIVE))).id();
        } catch (ElasticsearchException e) {
            throw errors.refused(e);
        } catch (IOException e) {
            throw errors.unreachable(e);
        }
        return new MillisecondOrder(new Pages());
    }

    @Override
    public void close() {
        if (pitId == null) {
            return;
        }
        String id = pitId;
        pitId = null;
        try {
            client.closePointInTime(c -> c.id(id));
        } catch (IOException | ElasticsearchException e) {
            // it expires after KEEP_ALIVE anyway; the run's outcome does not depend on it
        }
    }

    private SearchResponse<ObjectNode> page(List<FieldValue> after) {
        try {
            return client.search(s -> {
                s.pit(p -> p.id(pitId).keepAlive(t -> t.time(KEEP_ALIVE))).size(pageSize).query(query)
                        .trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("_shard_doc").order(SortOrder.Asc)));
                if (after != null) {
                    s.searchAfter(after);
                }
                return s;
            }, ObjectNode.class);
        } catch (ElasticsearchException e) {
            throw errors.refused(e);
        } catch (IOException e) {
            throw errors.unreachable(e);
        }
    }

    /** The events page by page, in the search's order (by millisecond, then shard document). */
    private final class Pages implements Iterator<Event> {
        private final Deque<Event> buffered = new ArrayDeque<>();
        private List<FieldValue> after;
        private boolean exhausted;

        @Override
        public boolean hasNext() {
            while (buffered.isEmpty() && !exhausted) {
                SearchResponse<ObjectNode> r = page(after);
                if (r.pitId() != null) {
                    pitId = r.pitId();
                }
                List<Hit<ObjectNode>> hits = r.hits().hits();
                for (Hit<ObjectNode> hit : hits) {
                    Event e = toEvent(hit);
                    // a date field keeps milliseconds: the exact bounds hold for finer timestamps too
                    if (!e.getTimestamp().isBefore(from) && e.getTimestamp().isBefore(to)) {
                        buffered.add(e);
                    }
                }
                exhausted = hits.size() < pageSize;
                if (!hits.isEmpty()) {
                    after = hits.get(hits.size() - 1).sort();
                }
            }
            return !buffered.isEmpty();
        }

        @Override
        public Event next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffered.poll();
        }

        private Event toEvent(Hit<ObjectNode> hit) {
            try {
                return EventDocument.toEvent(hit.source());
            } catch (EventDocument.InvalidDocumentException e) {
                throw new BacktestException("document " + hit.index() + "/" + hit.id() + " is not an event: "
                        + e.getMessage());
            }
        }
    }
}
