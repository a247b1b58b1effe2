package io.iterdef.bench.system.agents;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Time from a task's creation (just before its POST is sent) to its pickup (the poll response carrying it arrives),
 * in microseconds, per measurement window (HdrHistogram {@link Recorder}); a task delivered twice counts once and
 * as a duplicate.
 */
final class PickupClock {

	private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

	private final Map<String, Long> created = new ConcurrentHashMap<>();

	private final Recorder recorder = new Recorder(MAX_MICROS, 3);

	private final AtomicLong unknown = new AtomicLong();

	/** A task is about to be created. */
	void created(String taskId, long nanoTime) {
		created.put(taskId, nanoTime);
	}

	/** Its creation failed: it will never be picked up. */
	void forget(String taskId) {
		created.remove(taskId);
	}

	/** A poll response carried it. */
	void pickedUp(String taskId, long nanoTime) {
		Long start = created.remove(taskId);
		if (start == null) {
			unknown.incrementAndGet();
			return;
		}
		recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, (nanoTime - start) / 1000)));
	}

	/** The pickups since the last call (the first call: since the start). */
	Histogram window() {
		return recorder.getIntervalHistogram();
	}

	/** Tasks created and not (yet) picked up. */
	int outstanding() {
		return created.size();
	}

	/** Pickups of tasks not created here, or delivered a second time. */
	long unknownPickups() {
		return unknown.get();
	}

}
