package io.iterdef.bench.system;

import java.util.ArrayList;
import java.util.List;

/** What one system benchmark measured, the aims it checked, and notes (what limits it, the machine's state). */
public record Outcome(List<Measurement> measurements, List<Aim> aims, List<String> notes) {

	public Outcome {
		measurements = List.copyOf(measurements);
		aims = List.copyOf(aims);
		notes = List.copyOf(notes);
	}

	/** Collects an outcome step by step. */
	public static final class Builder {
		private final String benchmark;
		private final List<Measurement> measurements = new ArrayList<>();
		private final List<Aim> aims = new ArrayList<>();
		private final List<String> notes = new ArrayList<>();

		public Builder(String benchmark) {
			this.benchmark = benchmark;
		}

		public Builder measure(String metric, double value, String unit) {
			measurements.add(new Measurement(benchmark, metric, value, unit));
			return this;
		}

		public Builder aim(Aim aim) {
			aims.add(aim);
			return this;
		}

		public Builder note(String note) {
			notes.add(benchmark + ": " + note);
			return this;
		}

		public Outcome build() {
			return new Outcome(measurements, aims, notes);
		}
	}
}
