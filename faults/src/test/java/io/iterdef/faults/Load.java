package io.iterdef.faults;

import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.engine.ReorderBuffer;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import io.iterdef.kb.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load with known outcomes: copies of the demo scenario (sample-events, 19 NXLog lines that raise alerts of several
 * rules), each on a host of its own ({@code c<n>-<run>.faults.example.org}) and shifted {@code n} x 5 minutes later,
 * so every copy is later than the one before (no event is late for the detect clock) and alerts of one copy never
 * suppress another's. Event ids come from the decoders and the expected alerts from a stream detector fed each copy in
 * sending order, as the detect task judges them.
 */
final class Load {
    private static final String SCENARIO = "scenarios/encoded-powershell-recon.ndjson";
    private static final String SCENARIO_HOST = "FIN-WS07.corp.example.org";
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static RuleSet rules;

    /** One copy: its host, its lines as a shipper sends them, its events' ids and the alerts it must raise. */
    record Copy(int index, String host, List<String> lines, List<String> eventIds, List<Alert> alerts) {
    }

    private final List<Copy> copies;

    private Load(List<Copy> copies) {
        this.copies = copies;
    }

    static Load of(String runId, int count) {
        List<String> template = scenario();
        Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
        List<Copy> copies = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String host = "c" + n + "-" + runId + ".faults.example.org";
            List<String> lines = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            for (String line : template) {
                String copy = shift(line.replace(SCENARIO_HOST, host), n * 5L);
                lines.add(copy);
                try {
                    events.addAll(decoders.decode(copy.getBytes(StandardCharsets.UTF_8), null));
                } catch (DecodeException e) {
                    throw new IllegalStateException("a scenario copy does not decode: " + e.getMessage(), e);
                }
            }
            copies.add(new Copy(n, host, lines, events.stream().map(Event::getId).toList(), liveAlerts(events)));
        }
        return new Load(copies);
    }

    List<Copy> copies() {
        return copies;
    }

    List<String> hosts() {
        return copies.stream().map(Copy::host).toList();
    }

    List<String> eventIds() {
        return copies.stream().flatMap(c -> c.eventIds().stream()).toList();
    }

    Set<String> alertIds() {
        Set<String> ids = new TreeSet<>();
        copies.forEach(c -> c.alerts().forEach(a -> ids.add(a.getId())));
        return ids;
    }

    /** The (rule id, group key) pairs of the expected alerts: one incident each. */
    Set<String> incidentKeys() {
        Set<String> keys = new TreeSet<>();
        copies.forEach(c -> c.alerts().forEach(a -> keys.add(a.getRuleId() + " " + a.getGroupKey())));
        return keys;
    }

    /**
     * The alerts the live pipeline raises for one copy: its events in the order they are sent through a stream
     * detector (reorder buffer, default grace), as the detect task judges them. Eager single-event rules judge an
     * event on arrival, so of a Sysmon 1 / Security 4688 pair the first sent raises the alert (offline, in time
     * order, the whole-second 4688 would).
     */
    private static List<Alert> liveAlerts(List<Event> events) {
        return rules().detectAsStreamed(events, ReorderBuffer.DEFAULT_GRACE);
    }

    private static synchronized RuleSet rules() {
        if (rules == null) {
            rules = RuleSet.fromClasspath();
        }
        return rules;
    }

    private static String shift(String line, long minutes) {
        Matcher m = TIME.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            LocalDateTime t = LocalDateTime.parse(m.group(1) + " " + m.group(2), FORMAT).plusMinutes(minutes);
            m.appendReplacement(sb, FORMAT.format(t));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<String> scenario() {
        try (InputStream in = Load.class.getClassLoader().getResourceAsStream(SCENARIO)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SCENARIO + " (io.iterdef:sample-events)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
