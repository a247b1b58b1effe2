package io.iterdef.web.hosts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import io.iterdef.web.es.EsProperties;

import org.springframework.stereotype.Component;

/**
 * One host's events in a window, from Elasticsearch: a term query on host.name and a range on @timestamp (the app
 * builds the request; nothing of the user's goes anywhere but into those two values), in time order, at most
 * {@value #MAX_EVENTS} events, under the configured search timeout.
 */
@Component
class HostEventSearch {

	static final int MAX_EVENTS = 2000;

	/** The events found, how many there were in all, and whether the answer is partial (capped or timed out). */
	record Result(List<HostEvent> events, long total, boolean capped, boolean timedOut) {
	}

	/** Elasticsearch could not answer; the message says why and what to do. */
	static final class UnavailableException extends RuntimeException {

		UnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private final ElasticsearchClient client;

	private final EsProperties es;

	HostEventSearch(ElasticsearchClient client, EsProperties es) {
		this.client = client;
		this.es = es;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	Result find(HostWindow window) {
		SearchResponse<Map> response;
		try {
			response = client.search(s -> s.index(es.eventsIndex())
				.ignoreUnavailable(true)
				.allowNoIndices(true)
				.timeout(es.timeout().toMillis() + "ms")
				.size(MAX_EVENTS)
				.trackTotalHits(t -> t.enabled(true))
				.query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("host.name").value(window.host())))
					.filter(f -> f.range(r -> r.date(d -> d.field("@timestamp")
						.gte(window.from().toString())
						.lte(window.to().toString())
						.format("strict_date_optional_time"))))))
				.sort(o -> o.field(f -> f.field("@timestamp").order(SortOrder.Asc)))
				.sort(o -> o.field(f -> f.field("event.id").order(SortOrder.Asc).unmappedType(
						co.elastic.clients.elasticsearch._types.mapping.FieldType.Keyword))), Map.class);
		}
		catch (ElasticsearchException ex) {
			throw new UnavailableException("Elasticsearch at " + es.url() + " refused the host's events: "
					+ reason(ex) + ".", ex);
		}
		catch (IOException ex) {
			if (unreachable(ex)) {
				throw new UnavailableException("Elasticsearch at " + es.url()
						+ " is not reachable; start it or set ITERDEF_ES_URL.", ex);
			}
			throw new UnavailableException("Elasticsearch at " + es.url() + " could not answer: " + ex.getMessage()
					+ ". Check that it is Elasticsearch 8 and that ITERDEF_ES_URL and its credentials are right.", ex);
		}
		List<HostEvent> events = new ArrayList<>();
		for (Hit<Map> hit : response.hits().hits()) {
			if (hit.source() != null) {
				events.add(HostEvent.of(hit.source()));
			}
		}
		TotalHits total = response.hits().total();
		long count = total == null ? events.size() : total.value();
		return new Result(events, count, count > events.size(), response.timedOut());
	}

	/** Nothing listens there, the name does not resolve, or it does not answer in time. */
	private static boolean unreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
					|| t instanceof java.net.NoRouteToHostException || t instanceof java.net.SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static String reason(ElasticsearchException ex) {
		var error = ex.error();
		if (error.rootCause() != null && !error.rootCause().isEmpty() && error.rootCause().get(0).reason() != null) {
			return error.rootCause().get(0).reason();
		}
		return error.reason() != null ? error.reason() : ex.getMessage();
	}

}
