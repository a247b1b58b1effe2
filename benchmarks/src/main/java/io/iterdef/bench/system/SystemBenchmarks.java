package io.iterdef.bench.system;

import java.util.List;

/** Every system benchmark, in the order they run (baselines first, so that ratios use figures of the same run). */
final class SystemBenchmarks {

	private SystemBenchmarks() {
	}

	static List<SystemBenchmark> all() {
		return List.of(
		// one line per benchmark, added with it
				new io.iterdef.bench.system.agents.AgentsBenchmark()
		);
	}
}
