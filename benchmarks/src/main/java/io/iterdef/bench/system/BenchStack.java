package io.iterdef.bench.system;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The stack the system benchmarks run on. Clusters named by ITERDEF_KAFKA, ITERDEF_ES_URL, ITERDEF_DB_URL are used
 * as they are; the others are started here, embedded, on ports of their own so that a running demo (9092, 9200,
 * 5432) is neither disturbed nor measured: Kafka 127.0.0.1:29092 (controller 29093), Elasticsearch 29200,
 * PostgreSQL 25432, data under {@code <data dir>/bench/stack}.
 */
final class BenchStack {
	static final String KAFKA = "127.0.0.1:29092";
	static final int KAFKA_CONTROLLER_PORT = 29093;
	static final String ES_URL = "http://127.0.0.1:29200";
	static final String DB_URL = "jdbc:postgresql://127.0.0.1:25432/iterdef";

	private BenchStack() {
	}

	static StackConfig config(Map<String, String> environment, Path dataDir) {
		Map<String, String> env = new HashMap<>(environment);
		env.putIfAbsent("ITERDEF_KAFKA_CONTROLLER_PORT", Integer.toString(KAFKA_CONTROLLER_PORT));
		StackConfig external = StackConfig.fromMap(env);
		return new StackConfig(external.kafkaExternal() ? external.kafkaBootstrap() : KAFKA, external.kafkaExternal(),
				external.kafkaControllerPort(), external.kafkaClientProperties(),
				external.elasticsearchExternal() ? external.elasticsearchUrl() : ES_URL,
				external.elasticsearchExternal(), external.elasticsearchAuthorization(),
				external.databaseExternal() ? external.jdbcUrl() : DB_URL, external.databaseExternal(),
				external.dbUser(), external.dbPassword(), dataDir.resolve("bench").resolve("stack"),
				external.startTimeout());
	}

	static Stack start(StackConfig config) {
		return Stack.start(config);
	}
}
