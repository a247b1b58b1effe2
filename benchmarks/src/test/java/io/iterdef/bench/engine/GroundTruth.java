package io.iterdef.bench.engine;

import io.iterdef.kb.event.Event;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The matches of each shape counted by plain Java over the time-ordered mix: what both engines must find. */
final class GroundTruth {

	private static final Pattern ENCODED = Pattern
		.compile("(?i).*[ ]-(e|ec|enc|encodedcommand)[ ]+[A-Za-z0-9+/=]{16,}.*");

	private GroundTruth() {
	}

	static long count(Shape shape, List<Event> events) {
		return switch (shape) {
			case SINGLE -> events.stream().filter(GroundTruth::encodedPowerShell).count();
			case THRESHOLD -> threshold(events);
			case SEQUENCE -> sequence(events);
		};
	}

	private static boolean encodedPowerShell(Event e) {
		return e.isProcessStart() && "powershell.exe".equals(e.getProcessName()) && e.getCommandLine() != null
				&& ENCODED.matcher(e.getCommandLine()).matches();
	}

	/** Failed logons that are at least the 10th on their host within the 5 minutes up to them (inclusive). */
	private static long threshold(List<Event> events) {
		Map<String, Deque<Long>> recent = new HashMap<>();
		long matches = 0;
		for (Event e : events) {
			if ("4625".equals(e.getCode())) {
				Deque<Long> times = recent.computeIfAbsent(e.getHostName(), h -> new ArrayDeque<>());
				times.addLast(e.getTimestampMillis());
				while (e.getTimestampMillis() - times.peekFirst() > 300_000) {
					times.removeFirst();
				}
				if (times.size() >= 10) {
					matches++;
				}
			}
		}
		return matches;
	}

	/** Pairs of an Office start then a PowerShell start on the same host, 0 to 2 minutes apart (inclusive). */
	private static long sequence(List<Event> events) {
		Map<String, Deque<Long>> office = new HashMap<>();
		long matches = 0;
		for (Event e : events) {
			if (!e.isProcessStart()) {
				continue;
			}
			String name = e.getProcessName();
			if ("winword.exe".equals(name) || "excel.exe".equals(name)) {
				office.computeIfAbsent(e.getHostName(), h -> new ArrayDeque<>()).addLast(e.getTimestampMillis());
			}
			else if ("powershell.exe".equals(name)) {
				Deque<Long> starts = office.getOrDefault(e.getHostName(), new ArrayDeque<>());
				matches += starts.stream().filter(t -> e.getTimestampMillis() - t <= 120_000).count();
			}
		}
		return matches;
	}
}
