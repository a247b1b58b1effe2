package io.iterdef.agent.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One line of /proc/PID/maps: {@code start-end perms offset dev inode [name]}. {@link #scannable()} says whether
 * memory.scan reads it: readable, and neither a kernel page ([vvar], [vsyscall]) nor a device mapping (reading
 * device memory can block or have side effects).
 */
record MemoryRegion(long start, long end, String perms, String name) {

	private static final Set<String> SKIPPED = Set.of("[vvar]", "[vvar_vclock]", "[vsyscall]");

	long length() {
		return end - start;
	}

	boolean scannable() {
		return perms.startsWith("r") && start >= 0 && end > start && !SKIPPED.contains(name)
				&& !name.startsWith("/dev/");
	}

	/** The mapping's name for a hit: its path, [heap], [stack]..., or [anon]. */
	String label() {
		return name.isEmpty() ? "[anon]" : name;
	}

	/** Parses the lines of /proc/PID/maps; lines that are not mappings are skipped. */
	static List<MemoryRegion> parse(List<String> lines) {
		List<MemoryRegion> regions = new ArrayList<>();
		for (String line : lines) {
			String[] fields = line.trim().split("\\s+", 6);
			if (fields.length < 5) {
				continue;
			}
			int dash = fields[0].indexOf('-');
			if (dash <= 0) {
				continue;
			}
			try {
				long start = Long.parseUnsignedLong(fields[0].substring(0, dash), 16);
				long end = Long.parseUnsignedLong(fields[0].substring(dash + 1), 16);
				regions.add(new MemoryRegion(start, end, fields[1], fields.length == 6 ? fields[5].trim() : ""));
			}
			catch (NumberFormatException ex) {
				// not a mapping line
			}
		}
		return regions;
	}

}
