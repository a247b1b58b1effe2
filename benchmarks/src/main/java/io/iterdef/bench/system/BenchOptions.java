package io.iterdef.bench.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code ./iterdef bench}.
 *
 * @param quick   seconds per measurement instead of minutes (a smoke run)
 * @param soak    also the 30-minute soak
 * @param only    the benchmarks to run (empty: all but the soak, plus the soak with --soak)
 * @param jmhArgs what follows {@code --}: JMH's own options for the engine part
 * @param help    -h / --help
 */
public record BenchOptions(boolean quick, boolean soak, Set<String> only, List<String> jmhArgs, boolean help) {

	public static final String USAGE = """
			usage: ./iterdef bench [--quick] [--soak] [--only NAME,...] [-- JMH options]
			  --quick   a smoke run: seconds per measurement (the figures mean little)
			  --soak    also run the 30-minute soak at half load (heap after windows expire)
			  --only    some of: engine (JMH: Drools vs Esper, rule library, normalize vs parse floor),
			            b0 (Kafka's perf tools), b1 (Kafka + Jackson parse floor), pipeline (collector to alert),
			            indexer (vs a plain bulk loop), agents (10,000 simulated agents), soak
			  -- ...    JMH options for the engine part (e.g. -- -f 3 -wi 5 -i 5)
			Clusters named by ITERDEF_KAFKA, ITERDEF_ES_URL, ITERDEF_DB_URL are used; otherwise a stack of the
			benchmark's own starts on 127.0.0.1 ports 29092, 29200, 25432 with its data under <data dir>/bench.""";

	public static BenchOptions parse(String... args) {
		boolean quick = false;
		boolean soak = false;
		boolean help = false;
		Set<String> only = new LinkedHashSet<>();
		List<String> jmh = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			switch (a) {
			case "--quick" -> quick = true;
			case "--soak" -> soak = true;
			case "-h", "--help" -> help = true;
			case "--only" -> {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("--only needs a list of names, e.g. --only b0,pipeline");
				}
				for (String name : args[++i].split(",")) {
					if (!name.isBlank()) {
						only.add(name.trim());
					}
				}
			}
			case "--" -> {
				jmh.addAll(List.of(args).subList(i + 1, args.length));
				i = args.length;
			}
			default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
			}
		}
		if (quick && !jmh.isEmpty()) {
			throw new IllegalArgumentException("--quick sets the JMH options itself: give either --quick or -- JMH options");
		}
		if (quick) {
			jmh.addAll(List.of("-f", "1", "-wi", "1", "-i", "2", "-w", "1s", "-r", "1s"));
		}
		return new BenchOptions(quick, soak || only.contains("soak"), Set.copyOf(only), List.copyOf(jmh), help);
	}

	/** Whether the benchmark of this name runs (the soak only with --soak or --only soak). */
	public boolean selected(String name) {
		if ("soak".equals(name)) {
			return soak;
		}
		return only.isEmpty() || only.contains(name);
	}
}
