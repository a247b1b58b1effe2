package io.iterdef.bench.report;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Medians: of a JMH benchmark's measurement iterations over all its forks, and of a system benchmark's repetitions
 * or sampled intervals within one run.
 */
public final class Medians {

	private Medians() {
	}

	static double of(RunResult result) {
		List<Double> scores = new ArrayList<>();
		for (BenchmarkResult fork : result.getBenchmarkResults()) {
			for (IterationResult iteration : fork.getIterationResults()) {
				scores.add(iteration.getPrimaryResult().getScore());
			}
		}
		return of(scores);
	}

	/** The middle value, the mean of the middle two for an even count; NaN for none. */
	public static double of(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}
}
