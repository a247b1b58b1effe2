package io.iterdef.bench.system.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median of a benchmark's repetitions within one run. */
public final class Median {

	private Median() {
	}

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
