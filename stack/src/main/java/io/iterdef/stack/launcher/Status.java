package io.iterdef.stack.launcher;

import java.util.OptionalLong;

/**
 * One sample of the status line: each part is up or down; counts are empty when their store does not answer.
 *
 * @param agentServer  the agent server process is running
 * @param agents       agents enrolled and not revoked
 */
record Status(boolean kafka, OptionalLong events, OptionalLong incidents, boolean streams, boolean web,
        boolean agentServer, OptionalLong agents) {

    /**
     * e.g. {@code kafka ✓  es ✓ 23 events  pg ✓ 1 incidents  streams ✓  web ✓  agents ✓ 1 enrolled}; ASCII marks
     * when unicode is false.
     */
    String render(boolean unicode) {
        String ok = unicode ? "✓" : "ok";
        String down = unicode ? "✗" : "--";
        return "kafka " + (kafka ? ok : down)
                + "  es " + (events.isPresent() ? ok + " " + events.getAsLong() + " events" : down)
                + "  pg " + (incidents.isPresent() ? ok + " " + incidents.getAsLong() + " incidents" : down)
                + "  streams " + (streams ? ok : down)
                + "  web " + (web ? ok : down)
                + "  agents " + (!agentServer ? down
                        : agents.isPresent() ? ok + " " + agents.getAsLong() + " enrolled" : ok);
    }
}
