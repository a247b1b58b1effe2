package io.iterdef.streams.collector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into newline-terminated lines (NXLog om_tcp with to_json: one JSON object per line).
 * A trailing {@code \r} is removed. A line longer than the limit is not buffered whole: its first
 * {@code maxLineBytes} bytes are kept and the rest is counted and skipped, then it is reported as oversize.
 * Bytes after the last newline at end of stream are reported as a final line.
 */
final class LineFramer implements Framer {

    private final int maxLineBytes;
    private byte[] buf = new byte[8192];
    private int len;
    private long overflowBytes;   // > 0 while skipping the rest of an oversize line

    LineFramer(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads until end of stream, handing every line to the sink. */
    @Override
    public void readAll(InputStream in, Sink sink) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        int n;
        while ((n = in.read(chunk)) != -1) {
            feed(chunk, 0, n, sink);
        }
        finish(sink);
    }

    void feed(byte[] chunk, int off, int n, Sink sink) throws IOException {
        int start = off;
        int end = off + n;
        for (int i = off; i < end; i++) {
            if (chunk[i] == '\n') {
                append(chunk, start, i - start);
                emit(sink);
                start = i + 1;
            }
        }
        append(chunk, start, end - start);
    }

    void finish(Sink sink) throws IOException {
        if (len > 0 || overflowBytes > 0) {
            emit(sink);
        }
    }

    private void append(byte[] src, int off, int n) {
        if (n == 0) {
            return;
        }
        int room = maxLineBytes - len;
        int take = Math.min(room, n);
        if (take > 0) {
            ensure(len + take);
            System.arraycopy(src, off, buf, len, take);
            len += take;
        }
        overflowBytes += n - take;
    }

    private void ensure(int capacity) {
        if (capacity > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(maxLineBytes, Math.max(capacity, buf.length * 2)));
        }
    }

    private void emit(Sink sink) throws IOException {
        long total = len + overflowBytes;
        int contentLen = len;
        if (overflowBytes == 0 && contentLen > 0 && buf[contentLen - 1] == '\r') {
            contentLen--;
        }
        byte[] line = Arrays.copyOf(buf, contentLen);
        boolean oversize = overflowBytes > 0;
        len = 0;
        overflowBytes = 0;
        if (oversize) {
            sink.oversize(line, total);
        } else if (!isBlank(line)) {
            sink.line(line);
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
