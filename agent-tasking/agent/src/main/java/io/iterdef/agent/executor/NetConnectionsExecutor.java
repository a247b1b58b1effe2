package io.iterdef.agent.executor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.task.Budget;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/**
 * net.connections: the host's TCP and UDP sockets. Linux: /proc/net/{tcp,tcp6,udp,udp6}, with the owning pid
 * found through the socket inodes in /proc/PID/fd where the agent's user may read them. Windows: {@code netstat
 * -ano}, the one external command the agent runs, with fixed arguments and no shell, killed at the task's
 * timeout.
 */
final class NetConnectionsExecutor implements TaskExecutor {

	private final Path proc;

	NetConnectionsExecutor(Path proc) {
		this.proc = proc;
	}

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException, InterruptedException {
		List<Connection> connections = HostFactsCollector.isWindows() ? netstat(context) : procNet(context);
		List<Map<String, Object>> out = new ArrayList<>();
		for (Connection connection : connections) {
			out.add(connection.toMap());
		}
		return Map.of("connections", out, "count", out.size());
	}

	List<Connection> procNet(TaskContext context) throws IOException {
		List<Connection> connections = new ArrayList<>();
		for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
			Path table = proc.resolve("net").resolve(protocol);
			if (!Files.isReadable(table)) {
				continue; // e.g. IPv6 disabled
			}
			List<String> lines = Files.readAllLines(table);
			lines.forEach(line -> context.budget().consume(line.length() + 1));
			connections.addAll(ProcNetParser.parse(protocol, lines));
		}
		Map<Long, Long> owners = socketOwners(context.budget());
		List<Connection> withPids = new ArrayList<>(connections.size());
		for (Connection connection : connections) {
			withPids.add(connection.withPid(connection.inode() == 0 ? null : owners.get(connection.inode())));
		}
		return withPids;
	}

	/** socket inode → pid, from the /proc/PID/fd links the agent may read (others are skipped). */
	Map<Long, Long> socketOwners(Budget budget) throws IOException {
		Map<Long, Long> owners = new HashMap<>();
		try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
			for (Path pidDir : pids) {
				long pid = Long.parseLong(pidDir.getFileName().toString());
				try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
					for (Path fd : fds) {
						budget.consume(16);
						String target = readLink(fd);
						if (target != null && target.startsWith("socket:[")) {
							owners.putIfAbsent(Long.parseLong(target.substring(8, target.length() - 1)), pid);
						}
					}
				}
				catch (IOException | SecurityException ex) {
					// another user's process, or gone: its sockets stay without a pid
				}
			}
		}
		return owners;
	}

	private static String readLink(Path fd) {
		try {
			return Files.readSymbolicLink(fd).toString();
		}
		catch (IOException | UnsupportedOperationException ex) {
			return null;
		}
	}

	private static List<Connection> netstat(TaskContext context) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("netstat", "-ano").redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
			String line;
			while ((line = reader.readLine()) != null) {
				context.budget().consume(line.length() + 1);
				lines.add(line);
			}
		}
		finally {
			if (!process.waitFor(5, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		if (process.exitValue() != 0) {
			throw new TaskFailedException("netstat -ano exited with " + process.exitValue());
		}
		return NetstatParser.parse(lines);
	}

}
