package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void shouldShowCountsWhenEverythingIsUp() {
        Status status = new Status(true, OptionalLong.of(23), OptionalLong.of(1), true, true);

        assertThat(status.render(true)).isEqualTo("kafka ✓  es ✓ 23 events  pg ✓ 1 incidents  streams ✓  web ✓");
        assertThat(status.render(false)).isEqualTo("kafka ok  es ok 23 events  pg ok 1 incidents  streams ok  web ok");
    }

    @Test
    void shouldMarkPartsDownWhenTheyDoNotAnswer() {
        Status status = new Status(false, OptionalLong.empty(), OptionalLong.empty(), true, false);

        assertThat(status.render(true)).isEqualTo("kafka ✗  es ✗  pg ✗  streams ✓  web ✗");
    }
}
