package io.iterdef.stack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts the documents of an index pattern with GET {es}/{pattern}/_count, with the configured credentials. */
final class ElasticsearchCount {

    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;
    private final String authorization;

    ElasticsearchCount(String elasticsearchUrl, String indexPattern, Map<String, String> env) {
        String base = elasticsearchUrl.endsWith("/") ? elasticsearchUrl : elasticsearchUrl + "/";
        this.uri = URI.create(base + indexPattern + "/_count");
        this.authorization = authorization(env);
    }

    /** The document count, or empty when Elasticsearch does not answer with one. */
    OptionalLong count() {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(4)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = COUNT.matcher(response.body());
            return response.statusCode() == 200 && matcher.find()
                    ? OptionalLong.of(Long.parseLong(matcher.group(1)))
                    : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** ITERDEF_ES_API_KEY wins over ITERDEF_ES_USERNAME / ITERDEF_ES_PASSWORD; null when neither is set. */
    static String authorization(Map<String, String> env) {
        String apiKey = env.get("ITERDEF_ES_API_KEY");
        if (apiKey != null && !apiKey.isBlank()) {
            return "ApiKey " + apiKey.trim();
        }
        String user = env.get("ITERDEF_ES_USERNAME");
        if (user != null && !user.isBlank()) {
            String password = env.getOrDefault("ITERDEF_ES_PASSWORD", "");
            return "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
