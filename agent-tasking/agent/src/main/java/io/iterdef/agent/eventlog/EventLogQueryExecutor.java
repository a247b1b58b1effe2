package io.iterdef.agent.eventlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.iterdef.agent.identity.HostFactsCollector;
import io.iterdef.agent.task.TaskContext;
import io.iterdef.agent.task.TaskExecutor;
import io.iterdef.agent.task.TaskFailedException;

/**
 * eventlog.query {channel, query?, maxEvents?}: the newest events of a Windows event log through {@code wevtutil
 * qe} (see {@link EventLogQuery}), as {@code {channel, query, returned, truncated, events: ["<Event ...>...</Event>"]}}.
 * The output counts against the byte budget: when it is spent, wevtutil is stopped and the complete events read so
 * far are returned with {@code truncated: true} (also true when maxEvents were returned: there may be more). On
 * other systems the task fails: there is no wevtutil.
 */
public final class EventLogQueryExecutor implements TaskExecutor {

	@Override
	public Map<String, Object> execute(TaskContext context) throws IOException, InterruptedException {
		if (!HostFactsCollector.isWindows()) {
			throw new TaskFailedException("eventlog.query needs Windows (wevtutil)");
		}
		EventLogQuery query = EventLogQuery.from(context);
		Process process = new ProcessBuilder(query.command(wevtutil())).start();
		process.getOutputStream().close();
		CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> head(process.getErrorStream()));
		StringBuilder output = new StringBuilder();
		boolean budgetSpent;
		try {
			budgetSpent = read(process.getInputStream(), output, context);
		}
		finally {
			if (!process.waitFor(5, TimeUnit.SECONDS) || process.isAlive()) {
				process.destroyForcibly();
			}
		}
		List<String> events = EventXml.split(output, query.maxEvents());
		if (!budgetSpent && process.exitValue() != 0 && events.isEmpty()) {
			throw new TaskFailedException("wevtutil qe " + query.channel() + " exited with " + process.exitValue()
					+ ": " + errors.join().strip() + " (check the channel's name with wevtutil el, and the query)");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channel", query.channel());
		data.put("query", query.query());
		data.put("returned", events.size());
		data.put("truncated", budgetSpent || events.size() >= query.maxEvents());
		data.put("events", events);
		return data;
	}

	/** Reads the output within the byte budget (UTF-8, as wevtutil writes XML); true when the budget ran out. */
	static boolean read(InputStream in, StringBuilder output, TaskContext context) throws IOException {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			char[] buffer = new char[8192];
			int n;
			while ((n = reader.read(buffer)) > 0) {
				long remaining = context.budget().remaining();
				if (n > remaining) {
					output.append(buffer, 0, (int) remaining);
					context.budget().consume(remaining);
					return true;
				}
				context.budget().consume(n);
				output.append(buffer, 0, n);
			}
		}
		return false;
	}

	/** wevtutil from System32 (not whatever the PATH finds first). */
	static String wevtutil() {
		String root = System.getenv("SystemRoot");
		if (root != null) {
			Path path = Path.of(root, "System32", "wevtutil.exe");
			if (Files.isRegularFile(path)) {
				return path.toString();
			}
		}
		return "wevtutil";
	}

	private static String head(InputStream errors) {
		try (errors) {
			byte[] bytes = errors.readNBytes(2_000);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
