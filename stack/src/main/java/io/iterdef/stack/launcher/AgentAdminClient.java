package io.iterdef.stack.launcher;

import io.iterdef.agent.protocol.PinnedTrustManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few admin API calls the launcher makes itself, over HTTPS pinned to the agent server's certificate. */
final class AgentAdminClient {

    static final String ACTOR = "iterdef-launcher";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI apiUrl;
    private final String adminToken;
    private final HttpClient client;

    AgentAdminClient(URI apiUrl, String fingerprint, String adminToken) {
        this.apiUrl = apiUrl;
        this.adminToken = adminToken;
        this.client = HttpClient.newBuilder()
                .sslContext(PinnedTrustManager.sslContext(fingerprint))
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** POST /admin/v1/agents/{id}/revoke; fails with the server's answer unless it is 2xx. */
    void revoke(String agentId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(apiUrl.resolve("/admin/v1/agents/" + agentId + "/revoke"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + adminToken)
                .header("X-Iterdef-Actor", ACTOR)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the agent server answered " + response.statusCode() + " to revoking agent "
                    + agentId + ": " + response.body());
        }
    }
}
