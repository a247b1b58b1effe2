package io.iterdef.stack.launcher;

import java.util.OptionalLong;

/** One sample of the status line: each part is up or down; counts are empty when their store does not answer. */
record Status(boolean kafka, OptionalLong events, OptionalLong incidents, boolean streams, boolean web) {

    /** e.g. {@code kafka ✓  es ✓ 23 events  pg ✓ 1 incidents  streams ✓  web ✓}; ASCII marks when unicode is false. */
    String render(boolean unicode) {
        String ok = unicode ? "✓" : "ok";
        String down = unicode ? "✗" : "--";
        return "kafka " + (kafka ? ok : down)
                + "  es " + (events.isPresent() ? ok + " " + events.getAsLong() + " events" : down)
                + "  pg " + (incidents.isPresent() ? ok + " " + incidents.getAsLong() + " incidents" : down)
                + "  streams " + (streams ? ok : down)
                + "  web " + (web ? ok : down);
    }
}
