package io.iterdef.web.metrics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Everything the metrics page shows, for one period and an optional rule; also the JSON of /metrics/data. */
record Metrics(Instant from, Instant to, String rule, TimeStats overall, List<TimeStats> bySeverity,
		List<TimeStats> byRule, List<TimeStats> byTeam, List<Breaches> breaches, List<String> severities,
		List<OpenByAge> openByAge) {

	/** SLA breaches among the period's incidents of one severity, by phase. */
	record Breaches(String severity, long incidents, long ackBreached, long resolveBreached, long anyBreached) {
	}

	/** Open incidents (not resolved) of one age bucket, now: a count per severity, in {@link #severities} order. */
	record OpenByAge(String bucket, List<Long> counts, long total) {
	}

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String fromText() {
		return MINUTES.format(from);
	}

	public String toText() {
		return MINUTES.format(to);
	}

	public long openTotal() {
		return openByAge.stream().mapToLong(OpenByAge::total).sum();
	}

	public long breachTotal() {
		return breaches.stream().mapToLong(Breaches::anyBreached).sum();
	}

}
