package io.iterdef.streams.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFramerTest {
    private static final String RFC5424 = "<14>1 2024-05-01T10:00:00.000Z WS07 nxlog - - - "
            + "{\"EventID\":4624,\"Hostname\":\"WS07\"}";
    private static final String RFC3164 = "<13>May  1 10:00:00 WS07 MSWinEventLog\t1\tSecurity\t4624";

    private final List<String> frames = new ArrayList<>();
    private final Framer.Sink sink = new Framer.Sink() {
        @Override
        public void line(byte[] line) {
            frames.add(new String(line, StandardCharsets.UTF_8));
        }

        @Override
        public void oversize(byte[] prefix, long totalBytes) {
            frames.add("OVERSIZE " + new String(prefix, StandardCharsets.UTF_8) + "|" + totalBytes);
        }

        @Override
        public void truncated(byte[] partial, long expectedBytes) {
            frames.add("TRUNCATED " + new String(partial, StandardCharsets.UTF_8) + "|" + expectedBytes);
        }
    };

    @Test
    void shouldSplitOctetCountedFramesWhenMessagesCarryNewlines() throws IOException {
        String multiline = "<14>1 - host app - - - first line\nsecond line";
        read(1000, octet(RFC5424) + octet(multiline) + octet(RFC3164));

        assertThat(frames).containsExactly(RFC5424, multiline, RFC3164);
    }

    @Test
    void shouldSplitOnNewlinesWhenFramesDoNotStartWithALength() throws IOException {
        read(1000, RFC5424 + "\r\n" + RFC3164 + "\n\n" + "<13>last without newline");

        assertThat(frames).containsExactly(RFC5424, RFC3164, "<13>last without newline");
    }

    @Test
    void shouldDetectTheFramingPerMessageWhenASenderMixesThem() throws IOException {
        read(1000, octet(RFC5424) + "\n" + RFC3164 + "\n" + octet("<13>counted") + "2024-05-01 no PRI, not a length\n");

        assertThat(frames).containsExactly(RFC5424, RFC3164, "<13>counted", "2024-05-01 no PRI, not a length");
    }

    @Test
    void shouldReportOversizeWithPrefixWhenAnOctetCountedFrameExceedsTheLimit() throws IOException {
        read(10, octet("<13>" + "x".repeat(30)) + octet("<13>ok"));

        assertThat(frames).containsExactly("OVERSIZE <13>xxxxxx|34", "<13>ok");
    }

    @Test
    void shouldReportOversizeWhenANewlineFramedMessageExceedsTheLimit() throws IOException {
        read(10, "<13>" + "y".repeat(30) + "\n<13>ok\n");

        assertThat(frames).containsExactly("OVERSIZE <13>yyyyyy|34", "<13>ok");
    }

    @Test
    void shouldReportTruncatedWhenTheStreamEndsInsideAnOctetCountedFrame() throws IOException {
        read(1000, octet("<13>complete") + "50 <13>cut short");

        assertThat(frames).containsExactly("<13>complete", "TRUNCATED <13>cut short|50");
    }

    @Test
    void shouldReadFramesSplitAcrossReadsWhenTheNetworkDeliversByteByByte() throws IOException {
        byte[] bytes = (octet(RFC5424) + RFC3164 + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[i++];
                return 1;
            }
        };
        new SyslogFramer(1000).readAll(trickle, sink);

        assertThat(frames).containsExactly(RFC5424, RFC3164);
    }

    private void read(int max, String stream) throws IOException {
        new SyslogFramer(max).readAll(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), sink);
    }

    private static String octet(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length + " " + message;
    }
}
