package io.iterdef.streams.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iterdef.kb.event.Event;
import io.iterdef.streams.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDocumentTest {
    private static final String ID = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void shouldIndexEventIntoItsUtcDayWithEventIdAsDocumentId() {
        EventDocument doc = EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-04T23:59:59.999Z\","
                + "\"event\":{\"id\":\"" + ID + "\",\"code\":\"1\"},\"host\":{\"name\":\"wkstn-1\"}}"));

        assertThat(doc.index()).isEqualTo("events-2020.09.04");
        assertThat(doc.id()).isEqualTo(ID);
        assertThat(doc.source().path("host").path("name").asText()).isEqualTo("wkstn-1");
    }

    @Test
    void shouldSendTheRecordsOwnBytesAsTheDocument() throws Exception {
        byte[] json = bytes("{\"@timestamp\":\"2020-09-04T23:59:59.999Z\",\"event\":{\"id\":\"e1\"},\"message\":\"caf\u00e9 \\u00e9\"}");
        EventDocument doc = EventDocument.forEvent(json);
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        doc.body().writeTo(sent);
        assertThat(sent.toByteArray()).isEqualTo(json);
        assertThat(doc.body().contentType()).startsWith("application/json");
    }

    @Test
    void shouldUseTheNextUtcDayWhenTheInstantCrossesMidnight() {
        EventDocument doc = EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-05T00:00:00Z\","
                + "\"event\":{\"id\":\"" + ID + "\"}}"));

        assertThat(doc.index()).isEqualTo("events-2020.09.05");
    }

    @Test
    void shouldIndexAlertIntoItsMonthWithAlertIdAsDocumentId() {
        EventDocument doc = EventDocument.forAlert(bytes("{\"id\":\"" + ID + "\",\"@timestamp\":\"2020-09-04T20:09:55.760Z\","
                + "\"rule\":{\"name\":\"x\"}}"));

        assertThat(doc.index()).isEqualTo("alerts-2020.09");
        assertThat(doc.id()).isEqualTo(ID);
    }

    @Test
    void shouldRefuseAnEventWhenItHasNoEventId() {
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-04T20:09:55Z\"}")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageContaining("event.id");
    }

    @Test
    void shouldRefuseAnEventWhenItIsNotJson() {
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("not json")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class);
    }

    @Test
    void shouldFindTheIdsAndTimestampWhereverTheyStandAndWhateverSurroundsThem() {
        EventDocument doc = EventDocument.forEvent(bytes("{\"process\":{\"id\":\"not-this\",\"args\":[{\"event\":"
                + "{\"id\":\"nor-this\"}},[1,2.5,null,true]]},\"event\":{\"kind\":{\"id\":\"x\"},\"id\":\"" + ID
                + "\",\"code\":4688},\"id\":\"top\",\"@timestamp\":\"2020-09-04T20:09:55Z\",\"tail\":{}}"));
        EventDocument alert = EventDocument.forAlert(bytes("{\"rule\":{\"id\":\"r\"},\"id\":\"a1\","
                + "\"@timestamp\":\"2020-09-04T20:09:55Z\"}"));

        assertThat(doc.id()).isEqualTo(ID);
        assertThat(doc.index()).isEqualTo("events-2020.09.04");
        assertThat(alert.id()).isEqualTo("a1");
    }

    @Test
    void shouldTakeTheLastOfDuplicateKeysAsAParsedTreeDoes() {
        byte[] json = bytes("{\"@timestamp\":\"2020-09-04T20:09:55Z\",\"event\":{\"id\":\"first\"},"
                + "\"event\":{\"id\":\"second\"},\"@timestamp\":\"2020-09-05T20:09:55Z\"}");

        EventDocument doc = EventDocument.forEvent(json);

        assertThat(doc.id()).isEqualTo("second").isEqualTo(doc.source().path("event").path("id").asText());
        assertThat(doc.index()).isEqualTo("events-2020.09.05");
    }

    @Test
    void shouldRefuseAnEventWhoseIdIsNotAString() {
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-04T20:09:55Z\","
                + "\"event\":{\"id\":42}}")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageContaining("event.id");
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-04T20:09:55Z\","
                + "\"event\":[{\"id\":\"" + ID + "\"}]}")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageContaining("event.id");
    }

    @Test
    void shouldRefuseARecordThatIsBrokenAfterItsIdAndTimestamp() {
        String head = "{\"@timestamp\":\"2020-09-04T20:09:55Z\",\"event\":{\"id\":\"" + ID + "\"},";

        assertThatThrownBy(() -> EventDocument.forEvent(bytes(head + "\"x\":[1,}")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> EventDocument.forEvent(bytes(head + "\"x\":{\"y\":\"trunc")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("[" + head + "}]")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessage("not a JSON object");
        assertThatThrownBy(() -> EventDocument.forEvent(new byte[0]))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessage("not a JSON object");
    }

    @Test
    void shouldRefuseAnEventWhenTheTimestampIsNotAnInstant() {
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-04 20:09:55\","
                + "\"event\":{\"id\":\"" + ID + "\"}}")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageContaining("@timestamp");
    }

    @Test
    void shouldGiveBackTheEventTheRulesSawWhenTheStoredSourceIsReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Event> events = new ArrayList<>(Scenario.events());
        events.add(Event.fromJson(bytes("{\"@timestamp\":\"2026-11-17T09:14:02.1234567Z\",\"event\":{\"id\":\"" + ID
                + "\",\"code\":\"4688\"},\"process\":{\"pid\":4242,\"command_line\":\"cmd /c \\\"a\\\"\"},"
                + "\"tags\":[\"x\",\"y\"],\"winlog\":{\"event_data\":{\"Empty\":\"\",\"Null\":null}}}")));

        for (Event e : events) {
            // what Elasticsearch stores and returns as _source: the bytes of the indexed document
            byte[] stored = json.writeValueAsBytes(EventDocument.forEvent(e.toJson()).source());
            Event back = EventDocument.toEvent(json.readTree(stored));

            assertThat(back.toJsonString()).isEqualTo(e.toJsonString());
            assertThat(back.getTimestamp()).isEqualTo(e.getTimestamp());
            assertThat(back.getId()).isEqualTo(e.getId());
            // the event exactly as the detect topology reads it from iterdef.events (a decoder's tree may hold a
            // number as a long node where parsed JSON holds an int node: the same JSON, not the same Java tree)
            assertThat(back).isEqualTo(Event.fromJson(e.toJson()));
        }
    }

    @Test
    void shouldRefuseToReadBackADocumentThatIsNotAnEvent() {
        ObjectMapper json = new ObjectMapper();

        assertThatThrownBy(() -> EventDocument.toEvent(json.createObjectNode().put("@timestamp", "2026-11-17T09:14:02Z")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageContaining("event.id");
        assertThatThrownBy(() -> EventDocument.toEvent(json.createArrayNode()))
                .isInstanceOf(EventDocument.InvalidDocumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
