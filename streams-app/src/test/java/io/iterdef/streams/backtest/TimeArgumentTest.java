package io.iterdef.streams.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void shouldReadAnIsoInstantWithZoneOrOffset() {
        assertThat(TimeArgument.parse("2026-11-17T09:14:02.123Z", NOW)).isEqualTo(Instant.parse("2026-11-17T09:14:02.123Z"));
        assertThat(TimeArgument.parse("2026-11-17T10:14:02+01:00", NOW)).isEqualTo(Instant.parse("2026-11-17T09:14:02Z"));
    }

    @Test
    void shouldReadADateAsMidnightUtc() {
        assertThat(TimeArgument.parse("2026-11-17", NOW)).isEqualTo(Instant.parse("2026-11-17T00:00:00Z"));
    }

    @Test
    void shouldReadTimesRelativeToNow() {
        assertThat(TimeArgument.parse("now", NOW)).isEqualTo(NOW);
        assertThat(TimeArgument.parse("now-24h", NOW)).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(TimeArgument.parse("now-7d", NOW)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(TimeArgument.parse("now-2w", NOW)).isEqualTo(Instant.parse("2026-11-14T12:00:00Z"));
        assertThat(TimeArgument.parse("now-90m", NOW)).isEqualTo(Instant.parse("2026-11-28T10:30:00Z"));
        assertThat(TimeArgument.parse("now+30s", NOW)).isEqualTo(Instant.parse("2026-11-28T12:00:30Z"));
    }

    @Test
    void shouldRefuseOtherFormsSayingWhichAreAccepted() {
        for (String bad : new String[] {"yesterday", "now-24", "now-1y", "2026-11-17 09:00:00", "17/11/2026", ""}) {
            assertThatThrownBy(() -> TimeArgument.parse(bad, NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("now-24h");
        }
    }
}
