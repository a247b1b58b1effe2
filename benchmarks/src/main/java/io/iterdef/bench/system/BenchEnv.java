package io.iterdef.bench.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a system benchmark runs against: the stack's endpoints, the checkout (where the built jars are), a work
 * directory of its own for logs and data, and whether this is a quick run (a few seconds per measurement: the smoke
 * test in {@code mvn verify}) or a full one ({@code ./iterdef bench}).
 *
 * @param kafka         Kafka bootstrap servers
 * @param esUrl         Elasticsearch URL
 * @param jdbcUrl       PostgreSQL JDBC URL (the database the agent server migrates)
 * @param home          the checkout: {@code streams-app/target/streams-app.jar} and the others are under it
 * @param workDir       logs and data of this run ({@code <data dir>/bench/<timestamp>})
 * @param quick         seconds instead of minutes per measurement, fewer repetitions
 * @param soak          also run the 30-minute soak
 */
public record BenchEnv(String kafka, String esUrl, String jdbcUrl, String dbUser, String dbPassword, Path home,
		Path workDir, boolean quick, boolean soak) {

	/** The ITERDEF_* variables that point streams-app, incident-web or the agent server at this stack. */
	public Map<String, String> serviceEnvironment() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("ITERDEF_KAFKA", kafka);
		env.put("ITERDEF_ES_URL", esUrl);
		env.put("ITERDEF_DB_URL", jdbcUrl);
		env.put("ITERDEF_DB_USER", dbUser);
		env.put("ITERDEF_DB_PASSWORD", dbPassword);
		return env;
	}

	/** A directory of the work dir for one benchmark (created). */
	public Path dir(String name) {
		Path dir = workDir.resolve(name);
		try {
			java.nio.file.Files.createDirectories(dir);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
		}
		return dir;
	}

	/** A topic or index name of this run's own: {@code bench-<run>-<name>}, so runs never read each other's data. */
	public String unique(String name) {
		return "bench-" + workDir.getFileName().toString().replaceAll("[^a-z0-9]", "") + "-" + name;
	}
}
