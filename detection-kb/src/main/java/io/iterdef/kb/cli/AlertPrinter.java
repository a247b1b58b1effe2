package io.iterdef.kb.cli;

import io.iterdef.kb.event.Alert;

import java.io.PrintWriter;
import java.util.List;

/** Prints alerts as JSON lines (the alert JSON without the embedded events) or as a table. */
public final class AlertPrinter {

	private final PrintWriter out;

	public AlertPrinter(PrintWriter out) {
		this.out = out;
	}

	public void ndjson(Alert alert) {
		out.println(alert.toSummaryJsonString());
	}

	public void table(List<Alert> alerts) {
		String fmt = "%-24s  %-8s  %-40s  %-28s  %-22s  %6s%n";
		out.printf(fmt, "@TIMESTAMP", "SEVERITY", "RULE", "HOST", "ATT&CK", "EVENTS");
		for (Alert a : alerts) {
			out.printf(fmt, a.getTimestamp(), a.getSeverity(), cut(a.getRuleName(), 40), cut(a.getHostName(), 28),
					cut(String.join(",", a.getAttack()), 22), a.getEventIds().size());
		}
		out.printf("%d alert(s)%n", alerts.size());
	}

	private static String cut(String s, int width) {
		if (s == null) {
			return "-";
		}
		return s.length() <= width ? s : s.substring(0, width - 1) + "…";
	}
}
