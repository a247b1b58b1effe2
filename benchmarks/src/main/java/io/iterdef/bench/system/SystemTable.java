package io.iterdef.bench.system;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the system benchmarks' figures and the aims (ratio or bound, met or MISSED), one line each. */
public final class SystemTable {

	private SystemTable() {
	}

	public static void printMeasurements(List<Measurement> measurements, PrintStream out) {
		String format = "%-12s %-46s %16s  %s%n";
		out.printf(format, "benchmark", "metric", "value", "unit");
		for (Measurement m : measurements) {
			out.printf(format, m.benchmark(), m.metric(), number(m.value()), m.unit());
		}
	}

	public static void printAims(List<Aim> aims, PrintStream out) {
		String format = "%-64s %10s %12s  %s%n";
		out.printf(format, "aim", "actual", "target", "");
		for (Aim a : aims) {
			String target = (a.atLeast() ? ">= " : "<= ") + number(a.target()) + (a.unit().isEmpty() ? "" : " " + a.unit());
			out.printf(format, a.what(), number(a.actual()), target, a.met() ? "met" : "MISSED");
		}
	}

	static String number(double value) {
		if (!Double.isFinite(value)) {
			return "n/a";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}
}
