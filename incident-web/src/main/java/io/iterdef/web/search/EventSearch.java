package io.iterdef.web.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ShardFailure;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import io.iterdef.web.es.EsProperties;
import io.iterdef.web.search.SearchResult.Bucket;
import io.iterdef.web.search.SearchResult.Histogram;
import io.iterdef.web.search.SearchResult.ValueCount;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Event search over Elasticsearch. The app builds every request itself: the user's text goes only into a
 * query_string query (default operator AND), always ANDed with the time range on @timestamp; sorting is by
 * @timestamp with event.id as tie-breaker, paging by search_after. Every request carries the configured timeout
 * (partial results are flagged), a bounded page size and a bounded number of histogram buckets and terms.
 * Errors become {@link SearchFailedException}s whose message the user can act on.
 */
@Service
@EnableConfigurationProperties(SearchProperties.class)
public class EventSearch {

	/** Page size of the export's walk through search_after pages. */
	static final int EXPORT_BATCH = 1000;

	private final ElasticsearchClient client;

	private final EsProperties es;

	private final SearchProperties limits;

	public EventSearch(ElasticsearchClient client, EsProperties es, SearchProperties limits) {
		this.client = client;
		this.es = es;
		this.limits = limits;
	}

	public SearchProperties limits() {
		return limits;
	}

	/**
	 * One page of results with the histogram and the sidebar's top values. {@code after} pages forward from a
	 * hit, {@code before} backward (the sort is reversed for the request and the hits put back in order).
	 */
	public SearchResult search(SearchQuery query, PageToken after, PageToken before, int size, List<String> sidebar) {
		if (size < 1 || size > limits.maxPageSize()) {
			throw new InvalidSearchException("Page size must be between 1 and " + limits.maxPageSize() + ".");
		}
		boolean backward = before != null;
		boolean ascending = query.ascending() != backward;
		PageToken from = backward ? before : after;
		HistogramInterval interval = HistogramInterval.fitting(query.range().length());
		SearchRequest.Builder request = base(query).size(size + 1)
			.sort(s -> s.field(f -> f.field("@timestamp").order(order(ascending)).unmappedType(FieldType.Date)))
			.sort(s -> s.field(f -> f.field("event.id").order(order(ascending)).unmappedType(FieldType.Keyword)))
			.trackTotalHits(t -> t.count(limits.maxTotalHits()))
			.aggregations("histogram", a -> a.dateHistogram(h -> h.field("@timestamp")
				.fixedInterval(t -> t.time(interval.expression()))
				.minDocCount(0)
				.extendedBounds(b -> b.min(millis(query.range().from())).max(millis(lastMilli(query.range()))))));
		for (int i = 0; i < sidebar.size(); i++) {
			String field = sidebar.get(i);
			request.aggregations("top" + i, a -> a.terms(t -> t.field(field).size(limits.topValues())));
		}
		if (from != null) {
			request.searchAfter(from.sortValues());
		}
		SearchResponse<Map<String, Object>> response = run(request.build(), query.q());
		List<EventHit> hits = new ArrayList<>(hits(response));
		boolean more = hits.size() > size;
		if (more) {
			hits.remove(hits.size() - 1);
		}
		if (backward) {
			Collections.reverse(hits);
		}
		PageToken next = (backward || more) && !hits.isEmpty() ? hits.get(hits.size() - 1).token() : null;
		PageToken previous = (!backward && after != null) || (backward && more) ? (hits.isEmpty() ? null : hits.get(0).token()) : null;
		var total = response.hits().total();
		return new SearchResult(hits, total == null ? hits.size() : total.value(),
				total != null && total.relation() == TotalHitsRelation.Gte, next, previous, partial(response),
				histogram(response, interval, query.range()), topValues(response, sidebar));
	}

	/** How many events match, counted up to {@code upTo} (a larger answer means "more than upTo - 1"). */
	public long count(SearchQuery query, int upTo) {
		SearchResponse<Map<String, Object>> response = run(base(query).size(0).trackTotalHits(t -> t.count(upTo)).build(),
				query.q());
		return response.hits().total() == null ? 0 : response.hits().total().value();
	}

	/**
	 * Walks the matches in the query's time order, at most {@code maxRows}, page by page with search_after,
	 * handing each hit to {@code sink}; returns how many were handed over.
	 */
	public long walk(SearchQuery query, int maxRows, Consumer<EventHit> sink) {
		long seen = 0;
		PageToken after = null;
		while (seen < maxRows) {
			int batch = (int) Math.min(EXPORT_BATCH, maxRows - seen);
			SearchRequest.Builder request = base(query).size(batch)
				.trackTotalHits(t -> t.enabled(false))
				.sort(s -> s.field(f -> f.field("@timestamp").order(order(query.ascending())).unmappedType(FieldType.Date)))
				.sort(s -> s.field(f -> f.field("event.id").order(order(query.ascending())).unmappedType(FieldType.Keyword)));
			if (after != null) {
				request.searchAfter(after.sortValues());
			}
			List<EventHit> hits = hits(run(request.build(), query.q()));
			for (EventHit hit : hits) {
				sink.accept(hit);
			}
			seen += hits.size();
			if (hits.size() < batch) {
				break;
			}
			after = hits.get(hits.size() - 1).token();
		}
		return seen;
	}

	private SearchRequest.Builder base(SearchQuery query) {
		return new SearchRequest.Builder().index(es.eventsIndex())
			.allowNoIndices(false)
			.ignoreUnavailable(true)
			.timeout(es.timeout().toMillis() + "ms")
			.query(query(query));
	}

	static Query query(SearchQuery query) {
		TimeRange range = query.range();
		Query time = Query.of(q -> q.range(r -> r.date(d -> d.field("@timestamp")
			.gte(range.from().toString())
			.lt(range.to().toString())
			.format("strict_date_optional_time"))));
		if (query.q().isEmpty()) {
			return Query.of(q -> q.bool(b -> b.filter(time)));
		}
		return Query.of(q -> q.bool(b -> b.filter(time)
			.must(m -> m.queryString(s -> s.query(query.q())
				.defaultOperator(Operator.And)
				// Leading wildcards (*whoami*) scan every term of the field; bounded by the search timeout.
				.allowLeadingWildcard(true)))));
	}

	private SearchResponse<Map<String, Object>> run(SearchRequest request, String q) {
		try {
			@SuppressWarnings({ "unchecked", "rawtypes" })
			SearchResponse<Map<String, Object>> response = (SearchResponse) client.search(request, Map.class);
			return checkShardFailures(response, q);
		}
		catch (SearchFailedException ex) {
			throw ex;
		}
		catch (ElasticsearchException ex) {
			throw SearchErrors.translate(ex, q, es);
		}
		catch (IOException | RuntimeException ex) {
			throw SearchErrors.translate(ex, es);
		}
	}

	private static List<EventHit> hits(SearchResponse<Map<String, Object>> response) {
		List<EventHit> hits = new ArrayList<>();
		for (Hit<Map<String, Object>> hit : response.hits().hits()) {
			hits.add(new EventHit(hit.index(), hit.id(), hit.source(), PageToken.of(hit.sort())));
		}
		return hits;
	}

	/**
	 * A query that some shards refused while others were skipped (the can_match phase skips shards outside the
	 * time range) comes back as a partial success, not as an error: a parse failure among the shard failures is
	 * still the user's bad query.
	 */
	private SearchResponse<Map<String, Object>> checkShardFailures(SearchResponse<Map<String, Object>> response, String q) {
		for (ShardFailure failure : response.shards().failures()) {
			if (failure.reason() != null && SearchErrors.isBadQuery(failure.reason())) {
				throw new SearchFailedException(SearchFailedException.Kind.BAD_QUERY,
						"Elasticsearch could not parse the query: " + SearchErrors.reason(failure.reason()) + " (query: " + q + ")");
			}
		}
		return response;
	}

	private static boolean partial(SearchResponse<?> response) {
		return response.timedOut() || response.shards().failed().intValue() > 0;
	}

	private static Histogram histogram(SearchResponse<?> response, HistogramInterval interval, TimeRange range) {
		Aggregate aggregate = response.aggregations().get("histogram");
		List<Bucket> buckets = new ArrayList<>();
		if (aggregate != null) {
			for (var bucket : aggregate.dateHistogram().buckets().array()) {
				Instant start = Instant.ofEpochMilli(bucket.key());
				Instant end = start.plus(interval.duration());
				buckets.add(new Bucket(start.isBefore(range.from()) ? range.from() : start,
						end.isAfter(range.to()) ? range.to() : end, bucket.docCount()));
			}
		}
		return new Histogram(interval, buckets);
	}

	private static Map<String, List<ValueCount>> topValues(SearchResponse<?> response, List<String> fields) {
		Map<String, List<ValueCount>> top = new LinkedHashMap<>();
		for (int i = 0; i < fields.size(); i++) {
			Aggregate aggregate = response.aggregations().get("top" + i);
			List<ValueCount> values = new ArrayList<>();
			if (aggregate != null && aggregate.isSterms()) {
				aggregate.sterms()
					.buckets()
					.array()
					.forEach(b -> values.add(new ValueCount(b.key().stringValue(), b.docCount())));
			}
			else if (aggregate != null && aggregate.isLterms()) {
				aggregate.lterms().buckets().array().forEach(b -> values.add(new ValueCount(String.valueOf(b.key()), b.docCount())));
			}
			top.put(fields.get(i), values);
		}
		return top;
	}

	private static SortOrder order(boolean ascending) {
		return ascending ? SortOrder.Asc : SortOrder.Desc;
	}

	private static FieldDateMath millis(Instant instant) {
		return FieldDateMath.of(m -> m.value((double) instant.toEpochMilli()));
	}

	/** The last millisecond inside the range (To is excluded). */
	private static Instant lastMilli(TimeRange range) {
		Instant last = range.to().minusMillis(1);
		return last.isBefore(range.from()) ? range.from() : last;
	}

}
