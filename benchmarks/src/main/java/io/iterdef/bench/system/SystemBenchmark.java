package io.iterdef.bench.system;

/**
 * A benchmark on the running stack (Kafka, Elasticsearch, PostgreSQL, the services as child processes). It leaves
 * nothing running when it returns or throws, and uses topics, indices and databases of its own
 * ({@link BenchEnv#unique}). Measurements taken against a baseline are taken in the same run.
 */
public interface SystemBenchmark {

	/** Short name, used by {@code --only} and in the table: b0, b1, pipeline, indexer, agents, soak. */
	String name();

	/** Whether it runs without {@code --soak} (the soak runs only when asked). */
	default boolean byDefault() {
		return true;
	}

	/** Runs it; a failure is reported in the table and the next benchmark runs. */
	Outcome run(BenchEnv env) throws Exception;
}
