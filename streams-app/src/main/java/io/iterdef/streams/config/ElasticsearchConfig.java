package io.iterdef.streams.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Where Elasticsearch is and how to authenticate (API key wins over basic auth). Never prints secrets. */
public record ElasticsearchConfig(String url, String apiKey, String username, String password) {

    public static ElasticsearchConfig fromMap(Map<String, String> env) {
        Env e = new Env(env);
        return new ElasticsearchConfig(
                e.get("ITERDEF_ES_URL", "http://127.0.0.1:9200"),
                e.get("ITERDEF_ES_API_KEY", null),
                e.get("ITERDEF_ES_USERNAME", null),
                e.get("ITERDEF_ES_PASSWORD", null));
    }

    public static ElasticsearchConfig of(String url) {
        return new ElasticsearchConfig(url, null, null, null);
    }

    /** The value of the Authorization header, if any credentials are configured. */
    public Optional<String> authorizationHeader() {
        if (apiKey != null) {
            return Optional.of("ApiKey " + apiKey);
        }
        if (username != null) {
            String pair = username + ":" + (password == null ? "" : password);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ElasticsearchConfig[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", username=" + username + "]";
    }
}
