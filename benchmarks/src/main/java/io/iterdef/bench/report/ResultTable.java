package io.iterdef.bench.report;

import io.iterdef.bench.engine.EngineBenchmark;
import io.iterdef.bench.engine.LibraryBenchmark;
import io.iterdef.bench.engine.Shape;
import io.iterdef.bench.engine.ShapeEngine;
import io.iterdef.bench.mix.EventMix;
import io.iterdef.bench.parse.ParseBenchmark;
import io.iterdef.kb.event.Event;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JMH's results into the table: events/s (median of all measurement iterations of all forks), the
 * ratio to the row's baseline (Drools to Esper per shape, normalize to B1), and whether the aim (0.5 or more) is met.
 * The engine rows also show their match count, counted again here on the same mix.
 */
public final class ResultTable {

	private final List<Row> rows = new ArrayList<>();

	private final Map<String, List<Event>> mixes = new HashMap<>();

	private String mixDescription = "";

	public ResultTable(Collection<RunResult> results) {
		Map<String, Row> engines = new LinkedHashMap<>();
		Map<String, Row> parse = new LinkedHashMap<>();
		Row library = null;
		for (RunResult r : results) {
			BenchmarkParams p = r.getParams();
			String benchmark = p.getBenchmark();
			double median = Medians.of(r);
			if (benchmark.startsWith(EngineBenchmark.class.getName() + ".")) {
				String shape = p.getParam("shape");
				String engine = p.getParam("engine");
				long matches = ShapeEngine.of(engine, Shape.of(shape)).run(mix(p));
				mixDescription = "; engine and library rows: a mix of " + events(p) + " events on " + p.getParam("hosts")
						+ " hosts";
				engines.put(shape + "/" + engine,
						Row.plain(shape + ": " + engine, median * events(p), matches));
			}
			else if (benchmark.startsWith(LibraryBenchmark.class.getName() + ".")) {
				library = Row.plain("library: drools", median * events(p), -1);
			}
			else if (benchmark.startsWith(ParseBenchmark.class.getName() + ".")) {
				String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
				parse.put(method, Row.plain("jackson".equals(method) ? "parse floor B1: jackson" : "normalize: decoders",
						median, -1));
			}
		}
		for (Shape shape : Shape.values()) {
			String s = shape.name().toLowerCase(java.util.Locale.ROOT);
			Row drools = engines.get(s + "/drools");
			Row esper = engines.get(s + "/esper");
			if (esper != null) {
				rows.add(esper);
			}
			if (drools != null) {
				rows.add(esper != null ? drools.against(esper) : drools);
			}
		}
		if (library != null) {
			rows.add(library);
		}
		Row b1 = parse.get("jackson");
		Row normalize = parse.get("normalize");
		if (b1 != null) {
			rows.add(b1);
		}
		if (normalize != null) {
			rows.add(b1 != null ? normalize.against(b1) : normalize);
		}
	}

	/** The rows measured against a baseline, as aims (ratio >= 0.5) for the summary of {@code ./iterdef bench}. */
	public List<io.iterdef.bench.system.Aim> aims() {
		return rows.stream().filter(Row::hasBaseline)
				.map(r -> new io.iterdef.bench.system.Aim(r.name() + " / " + r.baseline(), r.ratio(), true, Row.AIM, ""))
				.toList();
	}

	public void print(PrintStream out) {
		out.printf("events/s: median of all measurement iterations of all forks, one thread%s%n%n", mixDescription);
		String format = "%-26s %14s %9s  %-24s %7s  %s%n";
		out.printf(format, "benchmark", "events/s", "matches", "baseline", "ratio", "aim >= 0.5");
		for (Row r : rows) {
			out.printf(format, r.name(), String.format("%,.0f", r.eventsPerSecond()),
					r.matches() < 0 ? "" : String.valueOf(r.matches()), r.hasBaseline() ? r.baseline() : "",
					r.hasBaseline() ? String.format("%.2f", r.ratio()) : "",
					r.hasBaseline() ? (r.aimMet() ? "met" : "MISSED") : "");
		}
	}

	private List<Event> mix(BenchmarkParams p) {
		int hosts = Integer.parseInt(p.getParam("hosts"));
		int events = events(p);
		return mixes.computeIfAbsent(hosts + "/" + events, k -> EventMix.generate(hosts, events, EngineBenchmark.SEED));
	}

	private static int events(BenchmarkParams p) {
		return Integer.parseInt(p.getParam("events"));
	}
}
