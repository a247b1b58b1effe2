package io.iterdef.streams.collector.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.iterdef.streams.collector.CollectorMetrics;
import java.io.IOException;

/** GET /metrics: the collector counters in the Prometheus text format, behind the token when one is set. */
final class MetricsHandler implements HttpHandler {
    private final CollectorMetrics metrics;
    private final BearerToken token;

    MetricsHandler(CollectorMetrics metrics, BearerToken token) {
        this.metrics = metrics;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"/metrics".equals(ex.getRequestURI().getPath())) {
                Responses.error(ex, 404, "not-found", "GET /metrics");
            } else if (!"GET".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "GET");
                Responses.error(ex, 405, "method-not-allowed", "GET /metrics");
            } else if (!token.allows(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"iterdef\"");
                Responses.error(ex, 401, "unauthorized", "send Authorization: Bearer <token>");
            } else {
                Responses.text(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheus());
            }
        }
    }
}
