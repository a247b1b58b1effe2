package io.iterdef.streams.backtest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of {@code --from}/{@code --to}: an ISO-8601 instant ({@code 2026-11-17T09:00:00Z}, or with an offset,
 * {@code 2026-11-17T10:00:00+01:00}), a date ({@code 2026-11-17}: midnight UTC), {@code now}, or {@code now} minus
 * or plus an amount of s, m, h, d or w ({@code now-24h}, {@code now-7d}).
 */
final class TimeArgument {
    private static final Pattern RELATIVE = Pattern.compile("now(?:([-+])(\\d+)([smhdw]))?");
    private static final Map<String, Duration> UNITS = Map.of("s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1),
            "h", Duration.ofHours(1), "d", Duration.ofDays(1), "w", Duration.ofDays(7));

    private TimeArgument() {
    }

    /** @throws IllegalArgumentException saying which forms are accepted */
    static Instant parse(String text, Instant now) {
        String t = text.trim();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            if (m.group(1) == null) {
                return now;
            }
            Duration amount = UNITS.get(m.group(3)).multipliedBy(Long.parseLong(m.group(2)));
            return "-".equals(m.group(1)) ? now.minus(amount) : now.plus(amount);
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid time '" + text + "': use an ISO-8601 instant "
                    + "(2026-11-17T09:00:00Z), a date (2026-11-17, midnight UTC), now, or now-24h (s, m, h, d, w)");
        }
    }
}
