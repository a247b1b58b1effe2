package io.iterdef.streams;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** What shippers send, for the ITs: distinct NXLog records, and the TCP, HTTP and syslog ways of sending them. */
public final class Shippers {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Shippers() {
    }

    /** The scenario's first NXLog record with another RecordNumber: another event id. */
    public static String nxlogLine(long recordNumber) {
        String template = new String(Scenario.lines().get(0), StandardCharsets.UTF_8);
        String line = template.replaceFirst("\"RecordNumber\":\\d+", "\"RecordNumber\":" + recordNumber);
        if (line.equals(template)) {
            throw new IllegalStateException("the scenario's first line has no RecordNumber");
        }
        return line;
    }

    /** The event ids the pipeline gives this record (decoded here, the way normalize does). */
    public static List<String> ids(String record, String formatHint) throws DecodeException {
        return Decoders.defaults(ZoneOffset.UTC).decode(record.getBytes(StandardCharsets.UTF_8), formatHint).stream()
                .map(Event::getId).toList();
    }

    /** An RFC 5424 message carrying the record as its MSG. */
    public static String syslog5424(String payload) {
        return "<14>1 2026-11-17T09:14:02.118Z FIN-WS07.corp.example.org nxlog - - - " + payload;
    }

    /** Sends lines over TCP, half-closes and waits until the collector closes (it has Kafka's ack for all). */
    public static void tcp(int port, List<String> lines, boolean octetCounting) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            for (String line : lines) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (octetCounting) {
                    out.write((bytes.length + " ").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes);
                } else {
                    out.write(bytes);
                    out.write('\n');
                }
            }
            socket.shutdownOutput();
            socket.setSoTimeout(60_000);
            socket.getInputStream().read();
        }
    }

    public static void udp(int port, String message) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    /** POSTs NDJSON, gzip-compressed when asked; returns the response. */
    public static HttpResponse<String> post(int port, List<String> lines, String format, boolean gzip)
            throws IOException, InterruptedException {
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest"
                + (format == null ? "" : "?format=" + format))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-ndjson");
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(body);
            }
            body = out.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
