package io.iterdef.streams.collector;

import java.io.IOException;
import java.io.InputStream;

/** Cuts a shipper's byte stream into records. One instance per connection: framers keep state. */
interface Framer {

    /** Reads until end of stream, handing every record to the sink. */
    void readAll(InputStream in, Sink sink) throws IOException;

    /** Where the records go. A refused record is reported with what was kept of it, never dropped silently. */
    interface Sink {
        void line(byte[] line) throws IOException;

        /** A record over the limit: its first {@code prefix.length} bytes of {@code totalBytes}. */
        void oversize(byte[] prefix, long totalBytes) throws IOException;

        /** A length-prefixed frame that ended early (the stream closed after {@code partial.length} bytes). */
        default void truncated(byte[] partial, long expectedBytes) throws IOException {
            throw new IOException("frame of " + expectedBytes + " bytes truncated after " + partial.length);
        }
    }
}
