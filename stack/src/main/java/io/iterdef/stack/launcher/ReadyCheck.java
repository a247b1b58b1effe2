package io.iterdef.stack.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A readiness probe: true once the service answers. Probes never throw; a failure is simply "not ready yet". */
@FunctionalInterface
interface ReadyCheck {

    Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    boolean isReady();

    /** Ready when a TCP connection to host:port is accepted. */
    static ReadyCheck tcpPort(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** Ready when GET uri answers 200 (redirects are not followed: a redirect is not the page asked for). */
    static ReadyCheck httpOk(URI uri) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(PROBE_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT.multipliedBy(2)).GET().build();
        return () -> {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
