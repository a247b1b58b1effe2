package io.iterdef.web.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of a search with what is drawn around it.
 *
 * @param hits the events of this page, in the asked time order
 * @param total how many events match (exact up to {@code totalIsLowerBound})
 * @param totalIsLowerBound true when more than {@code total} match (shown as "10,000+")
 * @param next the token of the next page, or null on the last page
 * @param previous the token of the previous page, or null on the first page
 * @param partial true when Elasticsearch timed out or a shard failed: the results may be incomplete
 * @param histogram counts over time, every bucket of the range (empty ones too)
 * @param topValues per sidebar field, its most frequent values for the query and range
 */
public record SearchResult(List<EventHit> hits, long total, boolean totalIsLowerBound, PageToken next,
		PageToken previous, boolean partial, Histogram histogram, Map<String, List<ValueCount>> topValues) {

	/** A date_histogram of the matches. */
	public record Histogram(HistogramInterval interval, List<Bucket> buckets) {
	}

	/** One histogram bar: [from, to) and its count. */
	public record Bucket(Instant from, Instant to, long count) {
	}

	/** A value of a field and how many matching events have it. */
	public record ValueCount(String value, long count) {
	}

}
