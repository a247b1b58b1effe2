package io.iterdef.web.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * What the dashboard shows, as plain values (no Elasticsearch types), for the page, its charts and
 * /dashboard/data.
 *
 * @param range the preset key ("24h")
 * @param from start of the range
 * @param to end of the range (now)
 * @param interval the histogram bucket size ("30m")
 * @param filter the optional Lucene filter the numbers are restricted to, null for all events
 * @param events the events' aggregations, null when Elasticsearch could not answer
 * @param alerts the alerts' aggregations, null when Elasticsearch could not answer
 * @param eventLag now minus the newest event's @timestamp
 * @param ingestLag now minus the newest event.ingested (how long since anything arrived)
 * @param deadLetters the dead-letter topic's record count
 * @param error why Elasticsearch could not answer (what to do), null when it did
 * @param partial true when Elasticsearch answered with partial results (its timeout)
 */
record Dashboard(String range, Instant from, Instant to, String interval, String filter, Events events,
		Alerts alerts, Lag eventLag, Lag ingestLag, DeadLetters.Count deadLetters, String error, boolean partial) {

	/** Events over the range: counts per bucket start (epoch ms), per channel and per event code, top hosts. */
	record Events(long total, List<Long> buckets, List<Long> totals, List<Series> channels, List<Series> codes,
			List<Term> hosts) {
	}

	/** One stacked series: a value (channel, code, or "other") and its count in each bucket. */
	record Series(String name, long total, List<Long> counts) {
	}

	/** A value and how many documents have it. */
	record Term(String key, long count) {
	}

	/** Alerts over the range by rule name and by severity. */
	record Alerts(long total, List<Term> byRule, List<Term> bySeverity) {
	}

}
