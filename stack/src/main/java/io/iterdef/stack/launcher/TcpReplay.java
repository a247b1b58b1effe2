package io.iterdef.stack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Sends a file of JSON lines to the collector the way NXLog's om_tcp does: one connection, one record per line. It
 * then half-closes and waits for the collector to close (it does once every record is in Kafka), or closes itself
 * after closeWait.
 */
final class TcpReplay {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private TcpReplay() {
    }

    /** Returns the number of records (non-blank lines) sent. */
    static int replay(Path file, String host, int port, Duration closeWait) throws IOException {
        List<String> records = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder payload = new StringBuilder();
            for (String record : records) {
                payload.append(record).append('\n');
            }
            out.write(payload.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            awaitClose(socket, closeWait);
        }
        return records.size();
    }

    private static void awaitClose(Socket socket, Duration closeWait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, closeWait.toMillis()));
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) != -1) {
                // the collector sends nothing back; read until it closes
            }
        } catch (SocketTimeoutException e) {
            // it keeps the connection open: everything was flushed, close from this side
        }
    }
}
