package io.iterdef.kb.cli;

import io.iterdef.kb.engine.RuleInfo;
import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Alert;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The run summary on stderr. */
final class Summary {

	private Summary() {
	}

	static void print(PrintWriter err, int files, FileReader reader, List<Alert> alerts, RuleSet rules,
			Duration elapsed) {
		Map<String, Integer> perRule = new TreeMap<>();
		for (RuleInfo r : rules.rules()) {
			perRule.put(r.name(), 0);
		}
		alerts.forEach(a -> perRule.merge(a.getRuleName(), 1, Integer::sum));
		err.printf("files: %d, records: %d, decoded: %d, undecodable: %d, alerts: %d, rules: %d, elapsed: %.1fs%n",
				files, reader.records, reader.decoded, reader.undecodable, alerts.size(), perRule.size(),
				elapsed.toMillis() / 1000.0);
		perRule.forEach((rule, n) -> err.printf("  %4d  %s%n", n, rule));
		err.flush();
	}
}
