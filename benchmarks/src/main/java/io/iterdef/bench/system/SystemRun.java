package io.iterdef.bench.system;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the selected system benchmarks on the bench stack, one after the other; a failure does not stop the rest. */
public record SystemRun(List<Measurement> measurements, List<Aim> aims, List<String> notes, List<String> failures) {

	public static SystemRun run(BenchOptions options, Map<String, String> environment, Path home, PrintStream progress) {
		List<SystemBenchmark> selected = SystemBenchmarks.all().stream().filter(b -> options.selected(b.name()))
				.filter(b -> b.byDefault() || options.soak()).toList();
		List<Measurement> measurements = new ArrayList<>();
		List<Aim> aims = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		if (selected.isEmpty()) {
			return new SystemRun(measurements, aims, notes, failures);
		}
		Path dataDir = dataDir(environment, home);
		StackConfig config = BenchStack.config(environment, dataDir);
		Path workDir = dataDir.resolve("bench").resolve("runs")
				.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		progress.println("bench: starting the stack (" + config.kafkaBootstrap() + ", " + config.elasticsearchUrl() + ", "
				+ config.jdbcUrl() + "); logs under " + workDir);
		try (Stack stack = BenchStack.start(config)) {
			BenchEnv env = new BenchEnv(stack.kafkaBootstrap(), stack.elasticsearchUrl(), stack.jdbcUrl(), stack.dbUser(),
					stack.dbPassword(), home, workDir, options.quick(), options.soak());
			for (SystemBenchmark benchmark : selected) {
				progress.println("bench: " + benchmark.name() + " ...");
				try {
					Outcome outcome = benchmark.run(env);
					measurements.addAll(outcome.measurements());
					aims.addAll(outcome.aims());
					notes.addAll(outcome.notes());
					outcome.measurements().forEach(m -> progress.printf("bench: %s %s = %s %s%n", m.benchmark(), m.metric(),
							SystemTable.number(m.value()), m.unit()));
				}
				catch (Exception | AssertionError e) {
					if (e instanceof InterruptedException) {
						Thread.currentThread().interrupt();
					}
					failures.add(benchmark.name() + ": " + e);
					progress.println("bench: " + benchmark.name() + " FAILED: " + e);
				}
			}
		}
		aims.addAll(crossAims(measurements));
		return new SystemRun(measurements, aims, notes, failures);
	}

	/**
	 * Aims across two benchmarks of this run: the detection path (collector to alert, "sustained events/s" of the
	 * pipeline) at 0.5 or more of Kafka's producer tool (B0) at our record size. Empty when either did not run.
	 */
	static List<Aim> crossAims(List<Measurement> measurements) {
		java.util.Optional<Measurement> b0 = find(measurements, "b0", "producer rate");
		java.util.Optional<Measurement> pipeline = find(measurements, "pipeline", "sustained events/s");
		if (b0.isEmpty() || pipeline.isEmpty()) {
			return List.of();
		}
		return List.of(Aim.ratioAtLeast("detection path (collector to alert) / B0 producer", pipeline.get().value(),
				b0.get().value(), 0.5));
	}

	private static java.util.Optional<Measurement> find(List<Measurement> measurements, String benchmark,
			String metric) {
		return measurements.stream().filter(m -> m.benchmark().equals(benchmark) && m.metric().equals(metric))
				.findFirst();
	}

	/** Refuses --only names that are no benchmark's (before anything runs). */
	public static void validate(BenchOptions options) {
		List<SystemBenchmark> all = SystemBenchmarks.all();
		List<String> known = new ArrayList<>(List.of("engine"));
		all.forEach(b -> known.add(b.name()));
		for (String name : options.only()) {
			if (!known.contains(name)) {
				throw new IllegalArgumentException("unknown benchmark '" + name + "' in --only; known: "
						+ String.join(", ", known));
			}
		}
	}

	static Path dataDir(Map<String, String> environment, Path home) {
		String dir = environment.get("ITERDEF_DATA_DIR");
		return (dir == null || dir.isBlank() ? home.resolve("data") : Path.of(dir)).toAbsolutePath().normalize();
	}
}
