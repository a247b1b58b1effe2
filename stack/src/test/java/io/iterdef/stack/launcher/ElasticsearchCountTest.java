package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ElasticsearchCountTest {

    private HttpServer http;
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void shouldReturnCountWhenIndexPatternAnswers() throws Exception {
        String url = serve(200, "{\"count\":23,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}}");

        assertThat(new ElasticsearchCount(url, "events-*", Map.of()).count()).isEqualTo(OptionalLong.of(23));
        assertThat(authorization.get()).isNull();
    }

    @Test
    void shouldSendApiKeyWhenConfigured() throws Exception {
        String url = serve(200, "{\"count\":0}");

        new ElasticsearchCount(url + "/", "events-*", Map.of("ITERDEF_ES_API_KEY", "a2V5", "ITERDEF_ES_USERNAME", "u"))
                .count();

        assertThat(authorization.get()).isEqualTo("ApiKey a2V5");
    }

    @Test
    void shouldSendBasicAuthWhenUserIsConfigured() {
        assertThat(ElasticsearchCount.authorization(Map.of("ITERDEF_ES_USERNAME", "elastic", "ITERDEF_ES_PASSWORD", "pw")))
                .isEqualTo("Basic ZWxhc3RpYzpwdw==");
    }

    @Test
    void shouldBeEmptyWhenElasticsearchFailsOrIsDown() throws Exception {
        String url = serve(500, "{\"error\":\"boom\",\"count\":1}");

        assertThat(new ElasticsearchCount(url, "events-*", Map.of()).count()).isEmpty();
        assertThat(new ElasticsearchCount("http://127.0.0.1:" + ReadyCheckTest.freePort(), "events-*", Map.of()).count())
                .isEmpty();
    }

    private String serve(int status, String body) throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/events-*/_count", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }
}
