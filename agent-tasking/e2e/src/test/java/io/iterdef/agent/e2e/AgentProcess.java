package io.iterdef.agent.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One real agent: {@code java -cp iterdef-agent.jar:lib/* io.iterdef.agent.Agent agent.properties} from a copy of
 * the built jar and its lib/ in a folder of its own (an agent.update replaces that copy, never the build output),
 * with its own state dir, host name and labels. Like the launcher script, it is started again when it exits with
 * {@value #RESTART_EXIT_CODE} (the agent's "restart me on the new version" code).
 */
final class AgentProcess implements AutoCloseable {

	static final int RESTART_EXIT_CODE = 75;

	private final String hostName;

	private final Path home;

	private final Path config;

	private final Path log;

	private volatile ChildJava child;

	private volatile boolean stopped;

	private volatile int restarts;

	private AgentProcess(String hostName, Path home) {
		this.hostName = hostName;
		this.home = home;
		this.config = home.resolve("agent.properties");
		this.log = home.resolve("agent.log");
	}

	/** Installs the agent under {@code home} and writes its configuration; does not start it. */
	static AgentProcess install(Path home, Path agentJar, Path agentLib, Map<String, String> properties) {
		try {
			Files.createDirectories(home.resolve("lib"));
			Files.copy(agentJar, home.resolve("iterdef-agent.jar"), StandardCopyOption.REPLACE_EXISTING);
			try (Stream<Path> jars = Files.list(agentLib)) {
				for (Path jar : jars.toList()) {
					Files.copy(jar, home.resolve("lib").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			Properties p = new Properties();
			p.putAll(properties);
			p.setProperty("state.dir", home.resolve("state").toString());
			try (Writer out = Files.newBufferedWriter(home.resolve("agent.properties"), StandardCharsets.UTF_8)) {
				p.store(out, "e2e agent");
			}
			return new AgentProcess(properties.get("host.name"), home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot install an agent under " + home, ex);
		}
	}

	synchronized AgentProcess start() {
		stopped = false;
		ChildJava started = new ChildJava("agent " + hostName,
				List.of("-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
						home.resolve("iterdef-agent.jar") + java.io.File.pathSeparator + home.resolve("lib") + "/*",
						"io.iterdef.agent.Agent", config.toString()),
				Map.of(), log).start();
		child = started;
		started.process().onExit().thenAccept(p -> {
			if (!stopped && child == started && p.exitValue() == RESTART_EXIT_CODE) {
				restarts++;
				start();
			}
		});
		return this;
	}

	/** SIGKILL, no restart. */
	synchronized void kill() {
		stopped = true;
		ChildJava c = child;
		if (c != null) {
			c.kill();
		}
	}

	String hostName() {
		return hostName;
	}

	Path home() {
		return home;
	}

	Path jar() {
		return home.resolve("iterdef-agent.jar");
	}

	boolean alive() {
		ChildJava c = child;
		return c != null && c.alive();
	}

	long pid() {
		return child.pid();
	}

	int restarts() {
		return restarts;
	}

	boolean logged(String text) {
		return log().contains(text);
	}

	String log() {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String tail(int lines) {
		String[] all = log().split("\n");
		return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
	}

	/** The agent id and credential it keeps in its state dir (null before it enrolled). */
	Properties identity() {
		Path file = home.resolve("state").resolve("identity.properties");
		if (!Files.exists(file)) {
			return null;
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
			return p;
		}
		catch (IOException ex) {
			return null; // being rewritten
		}
	}

	@Override
	public void close() {
		kill();
	}

}
