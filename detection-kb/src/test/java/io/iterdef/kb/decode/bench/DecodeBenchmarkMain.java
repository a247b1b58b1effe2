package io.iterdef.kb.decode.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DecodeBenchmark} (defaults: 1 fork, 5 x 1 s warm-up, 5 x 1 s measurement, throughput in ops/s;
 * JMH command-line options override them) and prints, per format, decode events/s per core, the plain-parsing
 * records/s and their ratio. {@code mvn -B -pl detection-kb -Pbench test-compile exec:exec}.
 */
public final class DecodeBenchmarkMain {

	private DecodeBenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		CommandLineOptions cli = new CommandLineOptions(args);
		OptionsBuilder builder = new OptionsBuilder();
		builder.parent(cli);
		builder.include(DecodeBenchmark.class.getName() + "\\.").mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS);
		if (!cli.getForkCount().hasValue()) {
			builder.forks(1);
		}
		if (!cli.getWarmupIterations().hasValue()) {
			builder.warmupIterations(5);
		}
		if (!cli.getWarmupTime().hasValue()) {
			builder.warmupTime(TimeValue.seconds(1));
		}
		if (!cli.getMeasurementIterations().hasValue()) {
			builder.measurementIterations(5);
		}
		if (!cli.getMeasurementTime().hasValue()) {
			builder.measurementTime(TimeValue.seconds(1));
		}
		Options options = builder.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, double[]> byFormat = new TreeMap<>();
		for (RunResult r : results) {
			String format = r.getParams().getParam("format");
			String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
			double score = r.getPrimaryResult().getScore();
			byFormat.computeIfAbsent(format, f -> new double[2])["decode".equals(method) ? 0 : 1] = score;
		}
		System.out.printf("%n%-16s %18s %18s %8s%n", "format", "decode events/s", "plain parse rec/s", "ratio");
		byFormat.forEach((format, s) -> System.out.printf("%-16s %18.0f %18.0f %8.2f%n", format, s[0], s[1],
				s[1] == 0 ? 0 : s[0] / s[1]));
	}

}
