package io.iterdef.stack.launcher;

import io.iterdef.agent.protocol.PinnedTrustManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * Ready once the agent server answers its admin API over HTTPS: the certificate is the one of its key store (pinned,
 * as agents pin it) and the admin token is accepted (anything but 401 and 5xx; the agent API itself has no
 * unauthenticated endpoint to ask).
 */
final class AgentServerCheck implements ReadyCheck {

    private final AgentSettings agent;
    private final Path dataDir;
    private final String adminToken;
    private final URI uri;
    private String fingerprint;
    private HttpClient client;

    AgentServerCheck(AgentSettings agent, Path dataDir, String adminToken) {
        this.agent = agent;
        this.dataDir = dataDir;
        this.adminToken = adminToken;
        this.uri = agent.apiUrl().resolve("/admin/v1/agents");
    }

    @Override
    public synchronized boolean isReady() {
        try {
            String current = AgentCertificate.fingerprint(agent, dataDir);
            if (client == null || !current.equals(fingerprint)) {
                fingerprint = current;
                client = HttpClient.newBuilder()
                        .sslContext(PinnedTrustManager.sslContext(current))
                        .connectTimeout(PROBE_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            }
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(PROBE_TIMEOUT.multipliedBy(2))
                    .header("Authorization", "Bearer " + adminToken)
                    .GET()
                    .build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status != 401 && status < 500;
        } catch (IOException e) {
            return false; // key store not written yet, port not open yet, or TLS refused
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
