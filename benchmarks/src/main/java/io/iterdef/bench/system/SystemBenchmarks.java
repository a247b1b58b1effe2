package io.iterdef.bench.system;

import io.iterdef.bench.system.agents.AgentsBenchmark;
import io.iterdef.bench.system.indexer.IndexerBenchmark;
import io.iterdef.bench.system.kafka.B0Benchmark;
import io.iterdef.bench.system.kafka.B1Benchmark;
import io.iterdef.bench.system.pipeline.PipelineBenchmark;
import io.iterdef.bench.system.soak.SoakBenchmark;
import java.util.List;

/** Every system benchmark, in the order they run (baselines first, so that ratios use figures of the same run). */
final class SystemBenchmarks {

	private SystemBenchmarks() {
	}

	static List<SystemBenchmark> all() {
		return List.of(new B0Benchmark(), new B1Benchmark(), new IndexerBenchmark(), new PipelineBenchmark(),
				new AgentsBenchmark(), new SoakBenchmark());
	}
}
