package io.iterdef.streams.backtest;

import io.iterdef.kb.engine.RuleInfo;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run summary on stderr: the range, counts, and the alert count of every rule (zeros too). */
final class BacktestSummary {
    private BacktestSummary() {
    }

    static void print(PrintWriter err, Instant from, Instant to, long events, List<Alert> alerts, RuleSet rules,
            Duration elapsed) {
        Map<String, Integer> perRule = new TreeMap<>();
        for (RuleInfo r : rules.rules()) {
            perRule.put(r.name(), 0);
        }
        alerts.forEach(a -> perRule.merge(a.getRuleName(), 1, Integer::sum));
        err.printf("range: [%s, %s), events: %,d, alerts: %d, rules: %d, elapsed: %.1fs%n", from, to, events,
                alerts.size(), perRule.size(), elapsed.toMillis() / 1000.0);
        perRule.forEach((rule, n) -> err.printf("  %4d  %s%n", n, rule));
        err.flush();
    }
}
