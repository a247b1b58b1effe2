package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpReplayTest {

    @TempDir
    Path dir;

    @Test
    void shouldSendEveryLineOnOneConnectionWhenReplaying() throws Exception {
        Path file = dir.resolve("scenario.ndjson");
        Files.writeString(file, "{\"a\":1}\n\n{\"b\":\"é\"}\r\n{\"c\":3}", StandardCharsets.UTF_8);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<List<String>>> received = CompletableFuture.supplyAsync(() -> collect(server, 1));

            int sent = TcpReplay.replay(file, "127.0.0.1", server.getLocalPort(), Duration.ofSeconds(10));

            assertThat(sent).isEqualTo(3);
            assertThat(received.get(10, TimeUnit.SECONDS))
                    .containsExactly(List.of("{\"a\":1}", "{\"b\":\"é\"}", "{\"c\":3}"));
        }
    }

    @Test
    void shouldReturnWhenServerKeepsConnectionOpen() throws Exception {
        Path file = dir.resolve("one.ndjson");
        Files.writeString(file, "{\"a\":1}\n");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept(); // never reads, never closes
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            long start = System.nanoTime();
            int sent = TcpReplay.replay(file, "127.0.0.1", server.getLocalPort(), Duration.ofMillis(300));

            assertThat(sent).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            accepted.get(5, TimeUnit.SECONDS).close();
        }
    }

    /** Accepts connections, reads each to EOF, then closes it (as the collector does once Kafka has the records). */
    private static List<List<String>> collect(ServerSocket server, int connections) {
        List<List<String>> all = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                try (Socket socket = server.accept();
                        BufferedReader reader = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                    all.add(reader.lines().toList());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }
}
