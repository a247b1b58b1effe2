package io.iterdef.bench;

import io.iterdef.bench.report.ResultTable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [JMH options]}: runs the CPU-only benchmarks of issue 9 and prints
 * the table. Defaults (about 5 minutes): 2 forks, each 3 x 2 s warm-up (normalize takes seconds to reach full speed) and 3 x 1 s
 * measurement per benchmark; JMH's options
 * override them ({@code -f 3 -wi 5 -i 5}, {@code -p events=50000}, a regex to run a subset, {@code -h} for all).
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
		CommandLineOptions cli = new CommandLineOptions(args);
		if (cli.shouldHelp()) {
			cli.showHelp();
			return;
		}
		Collection<RunResult> results = run(cli);
		System.out.println();
		new ResultTable(results).print(System.out);
	}

	/** Runs the JMH benchmarks with this class's defaults where the command line leaves them open. */
	static Collection<RunResult> run(CommandLineOptions cli) throws RunnerException {
		OptionsBuilder options = new OptionsBuilder();
		options.parent(cli);
		options.mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS);
		if (cli.getIncludes().isEmpty()) {
			options.include("io\\.iterdef\\.bench\\..*");
		}
		if (!cli.getForkCount().hasValue()) {
			options.forks(2);
		}
		if (!cli.getWarmupIterations().hasValue()) {
			options.warmupIterations(3);
		}
		if (!cli.getWarmupTime().hasValue()) {
			options.warmupTime(TimeValue.seconds(2));
		}
		if (!cli.getMeasurementIterations().hasValue()) {
			options.measurementIterations(3);
		}
		if (!cli.getMeasurementTime().hasValue()) {
			options.measurementTime(TimeValue.seconds(1));
		}
		return new Runner(options.build()).run();
	}
}
