package io.iterdef.agent.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A java program under test in an OS process of its own, its output appended to a log file under target/ (kept
 * after the run). {@link #kill()} is SIGKILL (and its descendants too), waited for.
 */
final class ChildJava implements AutoCloseable {

	private final String name;

	private final List<String> command;

	private final Map<String, String> env;

	private final Path log;

	private volatile Process process;

	ChildJava(String name, List<String> javaArgs, Map<String, String> env, Path log) {
		this.name = name;
		this.command = new ArrayList<>();
		this.command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		this.command.addAll(javaArgs);
		this.env = Map.copyOf(env);
		this.log = log;
	}

	ChildJava start() {
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, "---- start " + java.time.Instant.now() + ": " + String.join(" ", command) + "\n",
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(env);
			process = builder.start();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + name + ": " + command, ex);
		}
	}

	String name() {
		return name;
	}

	boolean alive() {
		Process p = process;
		return p != null && p.isAlive();
	}

	long pid() {
		return process.pid();
	}

	/** The exit code, or -1 while it runs. */
	int exitCode() {
		Process p = process;
		return p == null || p.isAlive() ? -1 : p.exitValue();
	}

	Process process() {
		return process;
	}

	/** Whether the log contains {@code text}; fails at once (with the log's tail) when the process has exited. */
	boolean logged(String text) {
		if (log().contains(text)) {
			return true;
		}
		if (!alive()) {
			throw new IllegalStateException(name + " exited with " + exitCode() + "; the end of its log:\n" + tail(60));
		}
		return false;
	}

	String log() {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path logFile() {
		return log;
	}

	String tail(int lines) {
		String[] all = log().split("\n");
		int from = Math.max(0, all.length - lines);
		return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
	}

	/** SIGKILL to it and every process it started; waits until it is gone. */
	void kill() {
		Process p = process;
		if (p == null) {
			return;
		}
		p.descendants().forEach(ProcessHandle::destroyForcibly);
		p.destroyForcibly();
		try {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		kill();
	}

}
