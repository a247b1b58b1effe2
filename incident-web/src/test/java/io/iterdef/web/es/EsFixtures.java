package io.iterdef.web.es;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.iterdef.streams.index.IndexTemplates;
import org.elasticsearch.client.RestClient;

/**
 * Indexes fixture events and alerts into the stack's Elasticsearch for the search ITs, the way the indexer
 * does: the indexer's index templates first (keyword fields, dates), then events into events-YYYY.MM.DD by
 * their @timestamp under their event.id, alerts into alerts-YYYY.MM under their id; refreshed, so a search
 * right after sees them. Tests isolate their documents by random host names (or other random values), never
 * by deleting indices other tests use.
 */
public final class EsFixtures {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

	private final ElasticsearchClient client;

	private final RestClient rest;

	public EsFixtures(ElasticsearchClient client, RestClient rest) {
		this.client = client;
		this.rest = rest;
	}

	/** Events as ECS maps; each needs "@timestamp" (ISO-8601) and "event": {"id": ...}. */
	@SuppressWarnings("unchecked")
	public void indexEvents(List<Map<String, Object>> events) {
		index(events, e -> "events-" + DAY.format(Instant.parse((String) e.get("@timestamp"))),
				e -> (String) ((Map<String, Object>) e.get("event")).get("id"));
	}

	/** Alerts as the detect topology writes them; each needs "@timestamp" and "id". */
	public void indexAlerts(List<Map<String, Object>> alerts) {
		index(alerts, a -> "alerts-" + MONTH.format(Instant.parse((String) a.get("@timestamp"))), a -> (String) a.get("id"));
	}

	private void index(List<Map<String, Object>> docs, java.util.function.Function<Map<String, Object>, String> index,
			java.util.function.Function<Map<String, Object>, String> id) {
		try {
			IndexTemplates.putAll(rest);
			BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
			for (Map<String, Object> doc : docs) {
				bulk.operations(op -> op.index(i -> i.index(index.apply(doc)).id(id.apply(doc)).document(doc)));
			}
			BulkResponse response = client.bulk(bulk.build());
			if (response.errors()) {
				throw new IllegalStateException("fixture bulk failed: " + response.items()
					.stream()
					.filter(item -> item.error() != null)
					.map(item -> item.error().reason())
					.toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
