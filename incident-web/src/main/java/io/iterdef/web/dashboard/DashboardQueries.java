package io.iterdef.web.dashboard;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.iterdef.web.es.EsProperties;

import org.springframework.stereotype.Component;

/**
 * The dashboard's two Elasticsearch requests, built by the app (the user's text only ever goes into a
 * query_string query) and bounded: size 0, at most {@value #TOP} terms per field, a histogram bucket size from
 * {@link DashboardRange#LADDER}, the configured search timeout.
 * <ul>
 * <li>events: the newest @timestamp and event.ingested over all events (the lag does not depend on the range);
 * within the range a date_histogram of all events, the top channels (winlog.channel; events without one by
 * event.dataset) and top event codes each with their own date_histogram, and the top hosts;</li>
 * <li>alerts: terms on rule.name and rule.severity within the range.</li>
 * </ul>
 */
@Component
class DashboardQueries {

	static final int TOP = 10;

	static final int TOP_DATASETS = 3;

	static final String OTHER = "other";

	private final ElasticsearchClient client;

	private final EsProperties es;

	DashboardQueries(ElasticsearchClient client, EsProperties es) {
		this.client = client;
		this.es = es;
	}

	/** Events of the range (and the newest times of all events), both restricted by the filter when given. */
	EventsResult events(DashboardRange range, String filter) throws IOException {
		Aggregation histogram = histogram(range);
		Aggregation inRange = Aggregation.of(a -> a.filter(rangeQuery(range))
			.aggregations("timeline", histogram)
			.aggregations("channels", terms("winlog.channel", TOP, histogram))
			.aggregations("no_channel",
					Aggregation.of(n -> n.filter(f -> f.bool(b -> b.mustNot(m -> m.exists(e -> e.field("winlog.channel")))))
						.aggregations("datasets", Aggregation.of(t -> t.terms(x -> x.field("event.dataset").size(TOP_DATASETS).missing("unknown"))
							.aggregations("over_time", histogram)))))
			.aggregations("codes", terms("event.code", TOP, histogram))
			.aggregations("hosts", Aggregation.of(t -> t.terms(x -> x.field("host.name").size(TOP)))));
		SearchResponse<Void> response = client.search(s -> s.index(es.eventsIndex())
			.size(0)
			.timeout(timeout())
			.query(filterQuery(filter))
			.aggregations("newest", a -> a.max(m -> m.field("@timestamp")))
			.aggregations("newest_ingested", a -> a.max(m -> m.field("event.ingested")))
			.aggregations("in_range", inRange), Void.class);
		Map<String, Aggregate> aggs = response.aggregations();
		if (!aggs.containsKey("in_range")) {
			// no index matches the pattern yet (a new cluster): Elasticsearch answers without aggregations
			return new EventsResult(new Dashboard.Events(0, List.of(), List.of(), List.of(), List.of(), List.of()), null,
					null, Boolean.TRUE.equals(response.timedOut()));
		}
		Map<String, Aggregate> within = aggs.get("in_range").filter().aggregations();
		List<DateHistogramBucket> timeline = within.get("timeline").dateHistogram().buckets().array();
		List<Long> keys = timeline.stream().map(DateHistogramBucket::key).toList();
		List<Long> totals = timeline.stream().map(DateHistogramBucket::docCount).toList();
		List<Dashboard.Series> channels = series(within.get("channels").sterms().buckets().array(), keys);
		channels.addAll(series(within.get("no_channel").filter().aggregations().get("datasets").sterms().buckets().array(), keys));
		List<Dashboard.Series> codes = series(within.get("codes").sterms().buckets().array(), keys);
		List<Dashboard.Term> hosts = within.get("hosts")
			.sterms()
			.buckets()
			.array()
			.stream()
			.map(b -> new Dashboard.Term(b.key().stringValue(), b.docCount()))
			.toList();
		long total = aggs.get("in_range").filter().docCount();
		Dashboard.Events events = new Dashboard.Events(total, keys, totals, withOther(channels, totals),
				withOther(codes, totals), hosts);
		return new EventsResult(events, newest(aggs.get("newest")), newest(aggs.get("newest_ingested")),
				Boolean.TRUE.equals(response.timedOut()));
	}

	record EventsResult(Dashboard.Events events, Instant newestEvent, Instant newestIngested, boolean timedOut) {
	}

	/** Alerts of the range by rule name and severity, restricted by the filter when given. */
	AlertsResult alerts(DashboardRange range, String filter) throws IOException {
		SearchResponse<Void> response = client.search(s -> s.index(es.alertsIndex())
			.size(0)
			.timeout(timeout())
			.trackTotalHits(t -> t.enabled(true))
			.query(q -> q.bool(b -> b.filter(rangeQuery(range)).filter(filterQuery(filter))))
			.aggregations("rules", a -> a.terms(t -> t.field("rule.name").size(TOP)))
			.aggregations("severities", a -> a.terms(t -> t.field("rule.severity").size(TOP))), Void.class);
		long total = response.hits().total() == null ? 0 : response.hits().total().value();
		Dashboard.Alerts alerts = new Dashboard.Alerts(total, terms(response.aggregations().get("rules")),
				terms(response.aggregations().get("severities")));
		return new AlertsResult(alerts, Boolean.TRUE.equals(response.timedOut()));
	}

	record AlertsResult(Dashboard.Alerts alerts, boolean timedOut) {
	}

	private String timeout() {
		return Math.max(1, es.timeout().toMillis()) + "ms";
	}

	private static Aggregation histogram(DashboardRange range) {
		return Aggregation.of(a -> a.dateHistogram(h -> h.field("@timestamp")
			.fixedInterval(t -> t.time(range.interval().text()))
			.minDocCount(0)
			.extendedBounds(b -> b.min(FieldDateMath.of(f -> f.value((double) range.from().toEpochMilli())))
				.max(FieldDateMath.of(f -> f.value((double) range.to().toEpochMilli()))))));
	}

	private static Aggregation terms(String field, int size, Aggregation overTime) {
		return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)).aggregations("over_time", overTime));
	}

	private static Query rangeQuery(DashboardRange range) {
		return Query.of(q -> q.range(r -> r.date(d -> d.field("@timestamp")
			.gte(range.from().toString())
			.lte(range.to().toString())
			.format("strict_date_optional_time"))));
	}

	/** The user's Lucene filter as a query_string query (nothing else of it reaches Elasticsearch), else all. */
	private static Query filterQuery(String filter) {
		if (filter == null) {
			return Query.of(q -> q.matchAll(m -> m));
		}
		return Query.of(q -> q.queryString(s -> s.query(filter)));
	}

	private static List<Dashboard.Series> series(List<StringTermsBucket> buckets, List<Long> keys) {
		Map<Long, Integer> position = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			position.put(keys.get(i), i);
		}
		List<Dashboard.Series> series = new ArrayList<>();
		for (StringTermsBucket bucket : buckets) {
			Long[] counts = new Long[keys.size()];
			java.util.Arrays.fill(counts, 0L);
			for (DateHistogramBucket b : bucket.aggregations().get("over_time").dateHistogram().buckets().array()) {
				Integer i = position.get(b.key());
				if (i != null) {
					counts[i] = b.docCount();
				}
			}
			series.add(new Dashboard.Series(bucket.key().stringValue(), bucket.docCount(), List.of(counts)));
		}
		return series;
	}

	/** The series plus "other": each bucket's total minus the series' counts, when that is ever above 0. */
	static List<Dashboard.Series> withOther(List<Dashboard.Series> series, List<Long> totals) {
		List<Long> other = new ArrayList<>(totals.size());
		long otherTotal = 0;
		for (int i = 0; i < totals.size(); i++) {
			long rest = totals.get(i);
			for (Dashboard.Series s : series) {
				rest -= s.counts().get(i);
			}
			other.add(Math.max(0, rest));
			otherTotal += Math.max(0, rest);
		}
		List<Dashboard.Series> all = new ArrayList<>(series);
		if (otherTotal > 0) {
			all.add(new Dashboard.Series(OTHER, otherTotal, List.copyOf(other)));
		}
		return List.copyOf(all);
	}

	/** The buckets of a terms aggregation; none when it is missing (no index matches the pattern yet). */
	private static List<Dashboard.Term> terms(Aggregate aggregate) {
		if (aggregate == null) {
			return List.of();
		}
		return aggregate.sterms()
			.buckets()
			.array()
			.stream()
			.map(b -> new Dashboard.Term(b.key().stringValue(), b.docCount()))
			.toList();
	}

	/** A max aggregation over a date: null when there are no documents (no value_as_string). */
	private static Instant newest(Aggregate aggregate) {
		var max = aggregate.max();
		if (max.valueAsString() == null || Double.isNaN(max.value()) || Double.isInfinite(max.value())) {
			return null;
		}
		return Instant.ofEpochMilli((long) max.value());
	}

}
