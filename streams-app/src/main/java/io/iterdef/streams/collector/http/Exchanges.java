package io.iterdef.streams.collector.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts running ingest requests, so closing can wait for them; once closing, new requests get 503. */
final class Exchanges extends Filter {
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closing;

    @Override
    public void doFilter(HttpExchange ex, Chain chain) throws IOException {
        running.incrementAndGet();
        try {
            if (closing) {
                try (ex) {
                    ex.getResponseHeaders().set("Retry-After", Integer.toString(HttpSettings.RETRY_AFTER_SECONDS));
                    Responses.error(ex, 503, "stopping", "the collector is stopping; send again later");
                }
                return;
            }
            chain.doFilter(ex);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Refuses new requests and waits, at most {@code max}, until none is running. */
    void drain(Duration max) {
        closing = true;
        long deadline = System.nanoTime() + max.toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String description() {
        return "counts running ingest requests";
    }
}
