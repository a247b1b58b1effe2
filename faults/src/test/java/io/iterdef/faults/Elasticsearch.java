package io.iterdef.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

/** Counting documents of the fault stack's Elasticsearch by id (plain HTTP, after a refresh). */
final class Elasticsearch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Elasticsearch() {
    }

    /** Documents in indices matching {@code pattern} whose _id is one of {@code ids}. */
    static long countIds(String pattern, Collection<String> ids) {
        return count(pattern, Map.of("ids", Map.of("values", new ArrayList<>(ids))));
    }

    /** Documents in indices matching {@code pattern} whose {@code field} has one of {@code values}. */
    static long countTerms(String pattern, String field, Collection<String> values) {
        return count(pattern, Map.of("terms", Map.of(field, new ArrayList<>(values))));
    }

    private static long count(String pattern, Object query) {
        post("/" + pattern + "/_refresh?allow_no_indices=true", null);
        JsonNode r = post("/" + pattern + "/_count?allow_no_indices=true", json(Map.of("query", query)));
        return r.path("count").asLong();
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode post(String path, String body) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(FaultStack.ES_URL + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
