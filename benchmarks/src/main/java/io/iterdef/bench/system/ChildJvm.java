package io.iterdef.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service (streams-app, the agent server) or a tool (Kafka's perf tools) in a JVM of its own, from the built jars,
 * with its output in a log file. Like the fault ITs' AppProcess, which is test code of another module; this one is
 * the benchmark command's and also runs tools to completion.
 */
public final class ChildJvm implements AutoCloseable {
	private final String name;
	private final Process process;
	private final Path log;

	private ChildJvm(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** streams-app from {@code streams-app/target}, as the launcher runs it. */
	public static ChildJvm streamsApp(BenchEnv env, Map<String, String> extraEnv, String heap, Path log)
			throws IOException {
		Path jar = requireJar(env.home().resolve("streams-app/target/streams-app.jar"));
		String classpath = jar + ":" + env.home().resolve("streams-app/target/lib") + "/*";
		return start("streams-app", List.of(java(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
				"io.iterdef.streams.StreamsApp"), merge(env.serviceEnvironment(), extraEnv), log);
	}

	/** The agent server from {@code agent-tasking/server/target}. */
	public static ChildJvm agentServer(BenchEnv env, Map<String, String> extraEnv, List<String> jvmOptions, Path log)
			throws IOException {
		Path jar = requireJar(env.home().resolve("agent-tasking/server/target/agent-server.jar"));
		List<String> command = new ArrayList<>(List.of(java(), "-XX:+ExitOnOutOfMemoryError"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		return start("agent-server", command, merge(env.serviceEnvironment(), extraEnv), log);
	}

	/** A main class on this JVM's own classpath (the benchmarks jar and its lib/, which hold Kafka's tools). */
	public static ChildJvm main(String name, List<String> jvmOptions, String mainClass, List<String> args, Path log)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(args);
		return start(name, command, Map.of(), log);
	}

	private static ChildJvm start(String name, List<String> command, Map<String, String> env, Path log)
			throws IOException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		// only what the benchmark sets: no ITERDEF_* of the caller's environment may point the service elsewhere
		builder.environment().keySet().removeIf(k -> k.startsWith("ITERDEF_") || k.startsWith("SPRING_"));
		builder.environment().putAll(env);
		Process process = builder.start();
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
		return new ChildJvm(name, process, log);
	}

	private static Map<String, String> merge(Map<String, String> base, Map<String, String> extra) {
		Map<String, String> env = new java.util.LinkedHashMap<>(base);
		env.putAll(extra);
		return env;
	}

	private static Path requireJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is not built: run ./iterdef bench (it builds), or mvn -B -DskipTests "
					+ "install");
		}
		return jar;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Waits until the log has a line containing text; fails with the log's tail when the process exits first. */
	public void awaitLog(String text, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!log().contains(text)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + " before \"" + text
						+ "\"; its log " + log + " ends:\n" + tail());
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new IllegalStateException(name + " did not log \"" + text + "\" within " + timeout + "; its log "
						+ log + " ends:\n" + tail());
			}
			process.waitFor(200, TimeUnit.MILLISECONDS);
		}
	}

	/** Waits for a tool to finish; its exit code (fails with the log's tail when it runs past the timeout). */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(name + " still ran after " + timeout + "; its log " + log + " ends:\n"
					+ tail());
		}
		return process.exitValue();
	}

	public String log() {
		try {
			return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The last 40 lines of the log, for error messages. */
	public String tail() {
		String[] lines = log().split("\n");
		return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
	}

	/** SIGTERM, then SIGKILL after 60 s. */
	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Override
	public String toString() {
		return name + " (pid " + process.pid() + ", log " + log + ")";
	}
}
