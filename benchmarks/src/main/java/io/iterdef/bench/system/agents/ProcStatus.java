package io.iterdef.bench.system.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's thread count and resident memory from Linux's /proc/PID/status (0 where it cannot be read). */
record ProcStatus(int threads, long rssKiB) {

	static ProcStatus of(long pid) {
		try {
			return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
		}
		catch (IOException | RuntimeException e) {
			return new ProcStatus(0, 0);
		}
	}

	static ProcStatus parse(String status) {
		int threads = 0;
		long rss = 0;
		for (String line : status.split("\n")) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length >= 2 && parts[0].equals("Threads:")) {
				threads = Integer.parseInt(parts[1]);
			}
			else if (parts.length >= 2 && parts[0].equals("VmRSS:")) {
				rss = Long.parseLong(parts[1]);
			}
		}
		return new ProcStatus(threads, rss);
	}

}
