package io.iterdef.bench.system.soak;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The used Java heap in {@code jcmd <pid> GC.heap_info}'s output, for the collectors of JDK 17: G1 ({@code
 * garbage-first heap total ..., used 1037K}), Parallel and Serial (the generations' {@code used} summed: {@code
 * PSYoungGen}/{@code ParOldGen}, {@code def new}/{@code tenured generation}), ZGC ({@code ZHeap used 2M}) and
 * Shenandoah ({@code ..., 542K used}). Metaspace and class space are not heap; the spaces' percentages inside a
 * generation are not counted twice.
 */
final class HeapInfo {
	private static final Pattern USED_AFTER = Pattern.compile("\\bused (\\d+)([KMG])\\b");

	private static final Pattern USED_BEFORE = Pattern.compile("\\b(\\d+)([KMG]) used\\b");

	private HeapInfo() {
	}

	/** The used heap in bytes; fails, quoting the output, when it names no heap it knows. */
	static long usedBytes(String heapInfo) {
		long used = 0;
		boolean found = false;
		for (String line : heapInfo.split("\\R")) {
			String t = line.trim();
			if (t.startsWith("Metaspace") || t.startsWith("class space")) {
				continue;
			}
			Matcher m = USED_AFTER.matcher(t);
			if (!m.find()) {
				m = USED_BEFORE.matcher(t);
				if (!m.find()) {
					continue;
				}
			}
			used += Long.parseLong(m.group(1)) * unit(m.group(2));
			found = true;
		}
		if (!found) {
			throw new IllegalArgumentException("no used heap in this GC.heap_info output (a collector this parser "
					+ "does not know? run streams-app with G1, the default):\n" + heapInfo);
		}
		return used;
	}

	private static long unit(String unit) {
		return switch (unit) {
		case "K" -> 1024L;
		case "M" -> 1024L * 1024;
		default -> 1024L * 1024 * 1024;
		};
	}
}
