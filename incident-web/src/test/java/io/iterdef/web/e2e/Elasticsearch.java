package io.iterdef.web.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.stack.Stack;

/** What the analyst's search would see: documents in events-* by their ids, over Elasticsearch's REST API. */
final class Elasticsearch {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String url;

	Elasticsearch(Stack stack) {
		this.url = stack.elasticsearchUrl();
	}

	/** Documents in events-* with one of the ids. */
	/**
	 * How many documents with these ids the events' own day indices hold (events-YYYY.MM.DD of each @timestamp):
	 * other ITs index the same scenario shifted to other days under the same ids, which must not count here.
	 */
	long countIds(List<String> ids, java.util.Collection<Instant> timestamps) {
		String indices = timestamps.stream()
			.map(t -> "events-" + java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd")
				.withZone(java.time.ZoneOffset.UTC).format(t))
			.distinct()
			.collect(java.util.stream.Collectors.joining(","));
		post("/" + indices + "/_refresh", null);
		return post("/" + indices + "/_count", Map.of("query", Map.of("ids", Map.of("values", ids)))).path("count")
			.asLong();
	}

	/** How many of the ids have a document written at or after {@code since} (event.ingested, set on decoding). */
	long indexedSince(List<String> ids, Instant since) {
		post("/events-*/_refresh", null);
		JsonNode hits = post("/events-*/_search",
				Map.of("query", Map.of("ids", Map.of("values", ids)), "size", ids.size() * 2));
		long n = 0;
		for (JsonNode hit : hits.path("hits").path("hits")) {
			String ingested = hit.path("_source").path("event").path("ingested").asText(null);
			if (ingested != null && !Instant.parse(ingested).isBefore(since.minusSeconds(1))) {
				n++;
			}
		}
		return n;
	}

	private JsonNode post(String path, Object body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.url + path))
				.header("Content-Type", "application/json")
				.POST(body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return JSON.createObjectNode(); // no events-* index yet
			}
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
