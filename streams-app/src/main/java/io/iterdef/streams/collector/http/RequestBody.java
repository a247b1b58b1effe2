package io.iterdef.streams.collector.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body into memory, never more than the limit: the bytes on the wire are counted, and with
 * {@code Content-Encoding: gzip} the decompressed bytes too, so a small gzip bomb stops at the limit instead of
 * filling the heap.
 */
final class RequestBody {
    private RequestBody() {
    }

    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    static final class BadGzipException extends IOException {
        BadGzipException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static byte[] read(InputStream wire, boolean gzip, int maxBytes) throws IOException {
        InputStream in = new Limited(wire, maxBytes, "request body");
        if (!gzip) {
            return readLimited(in, maxBytes, "request body");
        }
        try {
            return readLimited(new GZIPInputStream(in, 64 * 1024), maxBytes, "decompressed request body");
        } catch (ZipException | EOFException e) {
            throw new BadGzipException("the body is not a valid gzip stream: " + e.getMessage(), e);
        }
    }

    /** Reads and discards up to {@code maxBytes} more, so the client can read our answer; true if it reached the end. */
    static boolean drain(InputStream wire, long maxBytes) {
        byte[] buf = new byte[64 * 1024];
        long left = maxBytes;
        try {
            int n;
            while (left > 0 && (n = wire.read(buf, 0, (int) Math.min(buf.length, left))) != -1) {
                left -= n;
            }
            return left > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] readLimited(InputStream in, int maxBytes, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) != -1) {
            if (out.size() + (long) n > maxBytes) {
                throw new TooLargeException(what + " exceeds " + maxBytes + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Fails once more than {@code max} bytes came from the wire. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private final long max;
        private final String what;
        private long count;

        Limited(InputStream in, long max, String what) {
            this.in = in;
            this.max = max;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new TooLargeException(what + " exceeds " + max + " bytes");
                }
            }
            return n;
        }
    }
}
