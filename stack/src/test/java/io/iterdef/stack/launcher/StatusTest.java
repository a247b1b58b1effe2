package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void shouldShowCountsWhenEverythingIsUp() {
        Status status = new Status(true, OptionalLong.of(23), OptionalLong.of(1), true, true, true, OptionalLong.of(2));

        assertThat(status.render(true))
                .isEqualTo("kafka ✓  es ✓ 23 events  pg ✓ 1 incidents  streams ✓  web ✓  agents ✓ 2 enrolled");
        assertThat(status.render(false))
                .isEqualTo("kafka ok  es ok 23 events  pg ok 1 incidents  streams ok  web ok  agents ok 2 enrolled");
    }

    @Test
    void shouldMarkPartsDownWhenTheyDoNotAnswer() {
        Status status = new Status(false, OptionalLong.empty(), OptionalLong.empty(), true, false, false,
                OptionalLong.of(3));

        assertThat(status.render(true)).isEqualTo("kafka ✗  es ✗  pg ✗  streams ✓  web ✗  agents ✗");
    }

    @Test
    void shouldShowAgentServerUpWithoutCountWhenTheDatabaseDoesNotAnswer() {
        Status status = new Status(true, OptionalLong.of(0), OptionalLong.empty(), true, true, true,
                OptionalLong.empty());

        assertThat(status.render(true)).endsWith("web ✓  agents ✓");
    }
}
