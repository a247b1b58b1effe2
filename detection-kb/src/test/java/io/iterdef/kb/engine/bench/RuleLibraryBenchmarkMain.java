package io.iterdef.kb.engine.bench;

import io.iterdef.kb.engine.RuleSet;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link RuleLibraryBenchmark} (defaults: 1 fork, 5 x 2 s warm-up, 5 x 2 s measurement; JMH command-line
 * options override them) and prints events/s of the empty rule base and of the library, and their ratio.
 * {@code mvn -B -pl detection-kb -am -Pbench test-compile exec:exec -Dbench.main=io.iterdef.kb.engine.bench.RuleLibraryBenchmarkMain}.
 */
public final class RuleLibraryBenchmarkMain {

	private RuleLibraryBenchmarkMain() {
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		CommandLineOptions cli = new CommandLineOptions(args);
		OptionsBuilder builder = new OptionsBuilder();
		builder.parent(cli);
		builder.include(RuleLibraryBenchmark.class.getName() + "\\.").mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS);
		if (!cli.getForkCount().hasValue()) {
			builder.forks(1);
		}
		if (!cli.getWarmupIterations().hasValue()) {
			builder.warmupIterations(5);
		}
		if (!cli.getWarmupTime().hasValue()) {
			builder.warmupTime(TimeValue.seconds(2));
		}
		if (!cli.getMeasurementIterations().hasValue()) {
			builder.measurementIterations(5);
		}
		if (!cli.getMeasurementTime().hasValue()) {
			builder.measurementTime(TimeValue.seconds(2));
		}
		Map<String, RunResult> byRules = new HashMap<>();
		for (RunResult r : new Runner(builder.build()).run()) {
			byRules.put(r.getParams().getParam("rules"), r);
		}
		int ruleCount = RuleSet.fromClasspath().rules().size();
		double empty = byRules.get("empty").getPrimaryResult().getScore();
		double library = byRules.get("library").getPrimaryResult().getScore();
		System.out.printf("%n%-28s %14s %14s%n", "rule base (one thread)", "events/s", "± (99.9%)");
		System.out.printf("%-28s %,14.0f %,14.0f%n", "empty", empty,
				byRules.get("empty").getPrimaryResult().getScoreError());
		System.out.printf("%-28s %,14.0f %,14.0f%n", "library (" + ruleCount + " rules)", library,
				byRules.get("library").getPrimaryResult().getScoreError());
		System.out.printf("ratio library / empty: %.2f (mix: %d events, benign baseline day + demo attack)%n",
				library / empty, RuleLibraryBenchmark.MIX_SIZE);
	}
}
