package io.iterdef.streams.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFramerTest {
    private final List<String> lines = new ArrayList<>();
    private final List<String> oversize = new ArrayList<>();
    private final LineFramer.Sink sink = new LineFramer.Sink() {
        @Override
        public void line(byte[] line) {
            lines.add(new String(line, StandardCharsets.UTF_8));
        }

        @Override
        public void oversize(byte[] prefix, long totalBytes) {
            oversize.add(new String(prefix, StandardCharsets.UTF_8) + "|" + totalBytes);
        }
    };

    @Test
    void shouldSplitLinesAndStripCarriageReturnWhenLinesEndWithCrLf() throws IOException {
        new LineFramer(100).readAll(stream("{\"a\":1}\r\n{\"b\":2}\n"), sink);

        assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @Test
    void shouldJoinALineWhenItIsSplitAcrossReads() throws IOException {
        LineFramer framer = new LineFramer(100);
        byte[] first = "{\"a\":".getBytes(StandardCharsets.UTF_8);
        byte[] second = "1}\n{\"b\"".getBytes(StandardCharsets.UTF_8);
        framer.feed(first, 0, first.length, sink);
        framer.feed(second, 0, second.length, sink);
        framer.finish(sink);

        assertThat(lines).containsExactly("{\"a\":1}", "{\"b\"");
    }

    @Test
    void shouldSkipBlankLinesWhenTheyCarryNoRecord() throws IOException {
        new LineFramer(100).readAll(stream("\n\r\n  \nx\n"), sink);

        assertThat(lines).containsExactly("x");
    }

    @Test
    void shouldReportPrefixAndLengthWhenALineExceedsTheLimit() throws IOException {
        new LineFramer(4).readAll(stream("abcdefghij\nok\n"), sink);

        assertThat(oversize).containsExactly("abcd|10");
        assertThat(lines).containsExactly("ok");
    }

    @Test
    void shouldKeepALineOfExactlyTheLimitWhenItFits() throws IOException {
        new LineFramer(4).readAll(stream("abcd\n"), sink);

        assertThat(lines).containsExactly("abcd");
        assertThat(oversize).isEmpty();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
