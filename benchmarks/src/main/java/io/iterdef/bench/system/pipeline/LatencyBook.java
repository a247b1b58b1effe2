package io.iterdef.bench.system.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The marked records of a paced phase: each one's intended send time, and when its alert arrived. The latency of a
 * record is its alert's arrival minus its intended send time (both System.nanoTime()), recorded once (an alert sent
 * again, e.g. with a suppressed count, is not a second sample). Alerts of records not sent in this phase are ignored.
 * Thread-safe: the sender registers, the alert consumer arrives.
 */
final class LatencyBook {
	/** Up to an hour, 3 significant digits, in microseconds. */
	private final Histogram histogram = new Histogram(TimeUnit.HOURS.toMicros(1), 3);

	private final Map<Long, Long> pending = new ConcurrentHashMap<>();

	private long recorded;

	/** Marked record {@code seq} is (about to be) sent; it was due at {@code intendedNanos}. */
	void sent(long seq, long intendedNanos) {
		pending.put(seq, intendedNanos);
	}

	/** The alert of marked record {@code seq} arrived at {@code arrivalNanos}; true when it was a new sample. */
	synchronized boolean arrived(long seq, long arrivalNanos) {
		Long intended = pending.remove(seq);
		if (intended == null) {
			return false;
		}
		long micros = Math.max(0, (arrivalNanos - intended) / 1000);
		histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
		recorded++;
		return true;
	}

	/** Marked records sent whose alert has not arrived (yet). */
	int missing() {
		return pending.size();
	}

	synchronized long recorded() {
		return recorded;
	}

	/** The latency at {@code percentile} (0..100) in milliseconds, NaN without samples. */
	synchronized double percentileMillis(double percentile) {
		if (recorded == 0) {
			return Double.NaN;
		}
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	synchronized double maxMillis() {
		return recorded == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
	}
}
