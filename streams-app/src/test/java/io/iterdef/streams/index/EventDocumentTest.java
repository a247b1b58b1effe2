package io.iterdef.streams.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
    void shouldRefuseAnEventWhenTheTimestampIsNotAnInstant() {
        assertThatThrownBy(() -> EventDocument.forEvent(bytes("{\"@timestamp\":\"2020-09-04 20:09:55\","
                + "\"event\":{\"id\":\"" + ID + "\"}}")))
                .isInstanceOf(EventDocument.InvalidDocumentException.class)
                .hasMessageContaining("@timestamp");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
