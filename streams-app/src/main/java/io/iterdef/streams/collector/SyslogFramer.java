package io.iterdef.streams.collector;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Syslog over TCP (RFC 6587), both framings, detected per message: at the start of a frame, digits followed by a
 * space mean octet counting ({@code LEN SP MSG}, RFC 5425/6587 3.4.1); anything else is a message terminated by a
 * newline (non-transparent framing, 3.4.2: what rsyslog and syslog-ng send by default). A syslog message itself
 * starts with {@code <PRI>}, so the two cannot be confused. CR, LF and NUL between frames are skipped (some senders
 * end an octet-counted frame with a newline too). Messages are handed on as they are, header included.
 *
 * <p>A message over the limit is reported as oversize with its first {@code maxBytes} bytes (the rest is read and
 * skipped, never buffered); an octet-counted frame cut short by the end of the stream is reported as truncated.
 */
final class SyslogFramer implements Framer {
    private static final int MAX_LENGTH_DIGITS = 9; // up to 999,999,999 bytes: far above any limit

    private final int maxBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int pos;
    private int limit;
    private InputStream in;
    private byte[] frame = new byte[8192];
    private int len;
    private long overflow;

    SyslogFramer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void readAll(InputStream input, Sink sink) throws IOException {
        this.in = input;
        int b = read();
        while (true) {
            while (b == '\n' || b == '\r' || b == 0) {
                b = read();
            }
            if (b == -1) {
                return;
            }
            len = 0;
            overflow = 0;
            long count = 0;
            int digits = 0;
            while (b >= '0' && b <= '9' && digits < MAX_LENGTH_DIGITS) {
                append(b);
                count = count * 10 + (b - '0');
                digits++;
                b = read();
            }
            if (digits > 0 && b == ' ') {
                readCounted(count, sink);
                b = read();
            } else {
                b = readLine(b, sink);
            }
        }
    }

    /** Octet counting: exactly {@code count} bytes follow the space. */
    private void readCounted(long count, Sink sink) throws IOException {
        len = 0;
        overflow = 0;
        long left = count;
        while (left > 0) {
            if (pos == limit && !fill()) {
                sink.truncated(Arrays.copyOf(frame, len), count);
                return;
            }
            int n = (int) Math.min(left, limit - pos);
            append(chunk, pos, n);
            pos += n;
            left -= n;
        }
        if (overflow > 0) {
            sink.oversize(Arrays.copyOf(frame, len), count);
        } else if (count > 0) {
            sink.line(Arrays.copyOf(frame, len));
        }
    }

    /** Non-transparent framing: up to the next LF; {@code b} is the first byte not yet consumed. */
    private int readLine(int b, Sink sink) throws IOException {
        while (b != '\n' && b != -1) {
            append(b);
            b = read();
        }
        long total = len + overflow;
        if (overflow > 0) {
            sink.oversize(Arrays.copyOf(frame, len), total);
        } else {
            int end = len;
            while (end > 0 && (frame[end - 1] == '\r' || frame[end - 1] == 0)) {
                end--;
            }
            if (end > 0) {
                sink.line(Arrays.copyOf(frame, end));
            }
        }
        return b == -1 ? -1 : read();
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return chunk[pos++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void append(int b) {
        if (len < maxBytes) {
            ensure(len + 1);
            frame[len++] = (byte) b;
        } else {
            overflow++;
        }
    }

    private void append(byte[] src, int off, int n) {
        int take = Math.min(maxBytes - len, n);
        if (take > 0) {
            ensure(len + take);
            System.arraycopy(src, off, frame, len, take);
            len += take;
        }
        overflow += n - take;
    }

    private void ensure(int capacity) {
        if (capacity > frame.length) {
            frame = Arrays.copyOf(frame, Math.min(maxBytes, Math.max(capacity, frame.length * 2)));
        }
    }
}
