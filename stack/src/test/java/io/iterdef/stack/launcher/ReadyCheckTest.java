package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadyCheckTest {

    private HttpServer http;

    @AfterEach
    void stopHttp() {
        if (http != null) {
            http.stop(0);
        }
    }

    @Test
    void shouldBeReadyWhenPortAcceptsConnections() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(ReadyCheck.tcpPort("127.0.0.1", server.getLocalPort()).isReady()).isTrue();
        }
    }

    @Test
    void shouldNotBeReadyWhenNothingListens() throws Exception {
        int port = freePort();

        assertThat(ReadyCheck.tcpPort("127.0.0.1", port).isReady()).isFalse();
        assertThat(ReadyCheck.httpOk(URI.create("http://127.0.0.1:" + port + "/login")).isReady()).isFalse();
    }

    @Test
    void shouldBeReadyWhenPageAnswers200() throws Exception {
        int port = serve("/login", 200);

        assertThat(ReadyCheck.httpOk(URI.create("http://127.0.0.1:" + port + "/login")).isReady()).isTrue();
    }

    @Test
    void shouldNotBeReadyWhenPageAnswersError() throws Exception {
        int port = serve("/login", 503);

        assertThat(ReadyCheck.httpOk(URI.create("http://127.0.0.1:" + port + "/login")).isReady()).isFalse();
    }

    @Test
    void shouldNotBeReadyWhenPageRedirects() throws Exception {
        int port = serve("/login", 302);

        assertThat(ReadyCheck.httpOk(URI.create("http://127.0.0.1:" + port + "/login")).isReady()).isFalse();
    }

    private int serve(String path, int status) throws Exception {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext(path, exchange -> {
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
        return http.getAddress().getPort();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
