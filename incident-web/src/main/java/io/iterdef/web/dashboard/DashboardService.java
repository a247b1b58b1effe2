package io.iterdef.web.dashboard;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import io.iterdef.web.es.EsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together: the Elasticsearch aggregations, the two lags and the dead-letter count. When
 * Elasticsearch cannot answer, the dashboard still shows the dead-letter count and says what went wrong and
 * what to do (never a stack trace).
 */
@Service
class DashboardService {

	private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

	static final int MAX_FILTER_LENGTH = 1000;

	private final DashboardQueries queries;

	private final DeadLetters deadLetters;

	private final EsProperties es;

	private final Clock clock;

	@Autowired
	DashboardService(DashboardQueries queries, DeadLetters deadLetters, EsProperties es) {
		this(queries, deadLetters, es, Clock.systemUTC());
	}

	DashboardService(DashboardQueries queries, DeadLetters deadLetters, EsProperties es, Clock clock) {
		this.queries = queries;
		this.deadLetters = deadLetters;
		this.es = es;
		this.clock = clock;
	}

	/** Now, to the second (the range's ends show as such). */
	Instant now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
	}

	/**
	 * The dashboard over the range, its numbers restricted to events (and alerts) matching the Lucene
	 * {@code filter} when one is given (blank for all).
	 */
	Dashboard compute(DashboardRange range, String filter) {
		String q = normalize(filter);
		DeadLetters.Count dlq = deadLetters.count();
		try {
			DashboardQueries.EventsResult events = queries.events(range, q);
			DashboardQueries.AlertsResult alerts = queries.alerts(range, q);
			Instant now = now();
			return new Dashboard(range.key(), range.from(), range.to(), range.interval().text(), q, events.events(),
					alerts.alerts(), Lag.of(events.newestEvent(), now), Lag.of(events.newestIngested(), now), dlq, null,
					events.timedOut() || alerts.timedOut());
		}
		catch (IOException | ElasticsearchException ex) {
			return new Dashboard(range.key(), range.from(), range.to(), range.interval().text(), q, null, null, null,
					null, dlq, message(ex, q), false);
		}
	}

	/** Blank is no filter; a filter longer than MAX_FILTER_LENGTH is refused with what to do. */
	static String normalize(String filter) {
		if (filter == null || filter.isBlank()) {
			return null;
		}
		if (filter.length() > MAX_FILTER_LENGTH) {
			throw new IllegalArgumentException(
					"The filter is longer than " + MAX_FILTER_LENGTH + " characters: shorten it.");
		}
		return filter.trim();
	}

	/** What the user reads when Elasticsearch did not answer: the cause and what to do. */
	String message(Exception ex, String filter) {
		if (ex instanceof ElasticsearchException es && es.status() == 400 && filter != null) {
			return "The filter is not a valid query (Lucene syntax: field:value, \"quoted phrases\", AND / OR / NOT, "
					+ "wildcards, ranges like [a TO b]): " + reason(es.error()) + " — filter: " + filter;
		}
		if (ex instanceof ElasticsearchException es) {
			log.warn("Dashboard query failed: {}", es.getMessage());
			return "Elasticsearch at " + this.es.url() + " refused the dashboard's query (" + es.status() + "): "
					+ reason(es.error());
		}
		log.warn("Dashboard query failed: {}", ex.toString());
		return "Elasticsearch at " + es.url() + " is not reachable; start it or set ITERDEF_ES_URL.";
	}

	/** The most specific reason Elasticsearch gave: the root cause, and the innermost cause when it differs. */
	static String reason(ErrorCause error) {
		if (error == null) {
			return "no reason given";
		}
		String root = error.rootCause().isEmpty() ? error.reason() : error.rootCause().get(0).reason();
		ErrorCause inner = error;
		while (inner.causedBy() != null) {
			inner = inner.causedBy();
		}
		String innermost = inner.reason();
		if (innermost == null || innermost.equals(root) || inner == error) {
			return String.valueOf(root);
		}
		return root + ": " + innermost;
	}

}
