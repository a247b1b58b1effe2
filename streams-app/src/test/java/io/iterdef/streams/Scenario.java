package io.iterdef.streams;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.ReorderBuffer;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The demo scenario from sample-events, and what the engine makes of it live (the expected alerts) and offline. */
public final class Scenario {
    public static final String RESOURCE = "scenarios/encoded-powershell-recon.ndjson";

    private Scenario() {
    }

    /** The scenario's lines, as a shipper sends them (without the newline). */
    public static List<byte[]> lines() {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE + " (io.iterdef:sample-events)");
            }
            List<byte[]> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Event> events() {
        Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
        List<Event> events = new ArrayList<>();
        for (byte[] line : lines()) {
            try {
                events.addAll(decoders.decode(line, null));
            } catch (DecodeException e) {
                throw new IllegalStateException("scenario line does not decode: " + e.getMessage(), e);
            }
        }
        return events;
    }

    /**
     * The alerts the live pipeline raises for the scenario as shipped: its events in arrival order through a stream
     * detector (reorder buffer, default grace). The same as offline ({@link #offlineAlerts}, time order), except that
     * an eager rule judges an event on arrival: of a process start's Sysmon 1 and Security 4688 twins, the 4688 (whole
     * seconds) is older but arrives second, so the alert is raised on the Sysmon 1 event and the 4688 counted into it.
     */
    public static List<Alert> expectedAlerts(RuleSet rules) {
        return rules.detectAsStreamed(events(), ReorderBuffer.DEFAULT_GRACE);
    }

    /** The alerts of the scenario run offline through one session in time order (as `iterdef detect` does). */
    public static List<Alert> offlineAlerts(RuleSet rules) {
        return rules.detect(events());
    }
}
