package io.iterdef.bench;

import io.iterdef.bench.report.ResultTable;
import io.iterdef.bench.system.Aim;
import io.iterdef.bench.system.BenchOptions;
import io.iterdef.bench.system.Machine;
import io.iterdef.bench.system.Measurement;
import io.iterdef.bench.system.SystemRun;
import io.iterdef.bench.system.SystemTable;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./iterdef bench [--quick] [--soak] [--only engine,b0,b1,pipeline,indexer,agents,soak] [-- JMH options]}: the
 * CPU-only JMH benchmarks (engine against Esper, the rule library, normalize against the parse floor), then the
 * system benchmarks on a stack of their own, then one summary: the figures, every aim met or MISSED, the machine.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
			SystemRun.validate(options);
		}
		catch (IllegalArgumentException e) {
			System.err.println("iterdef bench: " + e.getMessage());
			System.err.println(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			System.out.println(BenchOptions.USAGE);
			return;
		}
		PrintStream out = System.out;
		Instant started = Instant.now();
		List<Aim> aims = new ArrayList<>();
		ResultTable jmh = null;
		if (options.selected("engine")) {
			jmh = new ResultTable(BenchMain.run(new CommandLineOptions(options.jmhArgs().toArray(String[]::new))));
			aims.addAll(jmh.aims());
		}
		SystemRun system = SystemRun.run(options, System.getenv(), home(), out);

		out.println();
		out.println("== Iterdef benchmarks: " + Machine.describe());
		out.println("   run " + started + ", " + Duration.between(started, Instant.now()).toMinutes() + " min"
				+ (options.quick() ? ", QUICK (a smoke run: the figures mean little)" : ""));
		if (jmh != null) {
			out.println();
			jmh.print(out);
		}
		List<Measurement> measurements = system.measurements();
		if (!measurements.isEmpty()) {
			out.println();
			SystemTable.printMeasurements(measurements, out);
		}
		aims.addAll(system.aims());
		if (!aims.isEmpty()) {
			out.println();
			SystemTable.printAims(aims, out);
		}
		system.notes().forEach(n -> out.println("note: " + n));
		system.failures().forEach(f -> out.println("FAILED: " + f));
		if (!system.failures().isEmpty()) {
			System.exit(1);
		}
	}

	private static Path home() {
		return Path.of(System.getProperty("iterdef.home", ".")).toAbsolutePath().normalize();
	}
}
