package io.iterdef.bench.system.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Takes the soak's two heap samples when the paced load reaches their times (told by the load's progress). */
final class HeapSamples {
	private final Jcmd jcmd;

	private final SoakTimes times;

	private final PrintStream progress;

	private long start = -1;

	private long end = -1;

	HeapSamples(Jcmd jcmd, SoakTimes times, PrintStream progress) {
		this.jcmd = jcmd;
		this.times = times;
		this.progress = progress;
	}

	/** Called as the load runs: samples once past the start time, once past the end time. */
	void at(Duration elapsed) throws Exception {
		if (start < 0 && elapsed.compareTo(times.startSample()) >= 0) {
			start = jcmd.usedHeapAfterGc();
			progress.printf(Locale.ROOT, "bench: soak: heap after GC at %d s: %.1f MiB%n", elapsed.toSeconds(),
					start / 1024.0 / 1024);
		}
		else if (start >= 0 && end < 0 && elapsed.compareTo(times.endSample()) >= 0) {
			end = jcmd.usedHeapAfterGc();
			progress.printf(Locale.ROOT, "bench: soak: heap after GC at %d s: %.1f MiB%n", elapsed.toSeconds(),
					end / 1024.0 / 1024);
		}
	}

	boolean complete() {
		return start >= 0 && end >= 0;
	}

	long start() {
		return start;
	}

	long end() {
		return end;
	}
}
