package io.iterdef.streams.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the composable index templates {@code iterdef-events} (events-*) and {@code iterdef-alerts}
 * (alerts-*) from {@code index/*.json} on the classpath. Putting is idempotent: each start overwrites
 * them with the version shipped in this jar (existing indices keep their mapping).
 */
public final class IndexTemplates {
    private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);
    public static final String EVENTS_TEMPLATE = "iterdef-events";
    public static final String ALERTS_TEMPLATE = "iterdef-alerts";

    private IndexTemplates() {
    }

    public static void putAll(RestClient client) throws IOException {
        put(client, EVENTS_TEMPLATE, "index/events-template.json");
        put(client, ALERTS_TEMPLATE, "index/alerts-template.json");
    }

    private static void put(RestClient client, String name, String resource) throws IOException {
        Request request = new Request("PUT", "/_index_template/" + name);
        request.setJsonEntity(load(resource));
        client.performRequest(request);
        log.info("index template {} is in place", name);
    }

    static String load(String resource) {
        try (InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
