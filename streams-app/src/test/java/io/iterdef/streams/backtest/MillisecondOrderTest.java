package io.iterdef.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MillisecondOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldOrderEventsWithinAMillisecondByTheirExactTimeKeepingTiesInSearchOrder() {
        List<Event> bySearch = List.of(
                event("a", "2026-11-17T09:00:00.000900Z"),
                event("b", "2026-11-17T09:00:00.000100Z"),
                event("c", "2026-11-17T09:00:00.000100Z"),
                event("d", "2026-11-17T09:00:00.001Z"),
                event("e", "2026-11-17T09:00:05Z"));

        List<String> ids = new ArrayList<>();
        new MillisecondOrder(bySearch.iterator()).forEachRemaining(e -> ids.add(e.getId()));

        assertThat(ids).containsExactly("b", "c", "a", "d", "e");
    }

    @Test
    void shouldGiveNothingForNoEvents() {
        assertThat(new MillisecondOrder(List.<Event>of().iterator()).hasNext()).isFalse();
    }

    private static Event event(String id, String timestamp) {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("@timestamp", timestamp);
        tree.putObject("event").put("id", id);
        return Event.fromTree(tree);
    }
}
