package io.iterdef.kb.engine;

/**
 * Per-minute event counts of one key (a host, say) for spike rules: the current minute's count against the mean of
 * the preceding {@code baselineMinutes} minutes, in event time. O(1) per event and a fixed amount of memory (one ring of
 * {@code baselineMinutes + 1} counters), where a DRL accumulate over a 30-minute window would re-read every retained
 * event for every new one and make the session keep all events for 30 minutes.
 * <p>
 * Minutes are aligned to the epoch minute. Minutes without events count as zero. The threshold of a minute is fixed
 * when its first event arrives: {@code max(floor, floor(factor * mean) + 1)}, so the minute must exceed {@code factor}
 * times the baseline and reach the absolute floor. A minute less than {@code baselineMinutes} after the first event
 * this baseline counted has no threshold (no alert): without a full baseline a burst cannot be told from the normal
 * activity of a host just seen (a new session, a rebuilt one, a host that just started sending).
 * <p>
 * Not thread-safe: one per key in one session. An event older than the current minute is counted in its minute (when
 * that minute is still part of the baseline) but never raises.
 */
public final class RateBaseline {

	private static final long MINUTE = 60_000L;

	private final int baselineMinutes;

	private final double factor;

	private final int floor;

	private final long firstMinute;

	private final long[] minutes;

	private final int[] counts;

	private long currentMinute;

	private int threshold;

	/**
	 * @param firstMillis event time of the first event: the baseline starts at its minute
	 * @param baselineMinutes how many preceding minutes make the baseline (and the history needed before any alert)
	 * @param factor how many times the baseline mean a minute must exceed
	 * @param floor the least count of a minute that can raise, whatever the baseline
	 */
	public RateBaseline(long firstMillis, int baselineMinutes, double factor, int floor) {
		if (baselineMinutes < 1 || factor <= 0 || floor < 1) {
			throw new IllegalArgumentException("baselineMinutes >= 1, factor > 0 and floor >= 1 required");
		}
		this.baselineMinutes = baselineMinutes;
		this.factor = factor;
		this.floor = floor;
		this.firstMinute = Math.floorDiv(firstMillis, MINUTE);
		this.minutes = new long[baselineMinutes + 1];
		this.counts = new int[baselineMinutes + 1];
		java.util.Arrays.fill(minutes, Long.MIN_VALUE);
		this.currentMinute = Long.MIN_VALUE;
		this.threshold = Integer.MAX_VALUE;
	}

	/**
	 * Counts one event at {@code millis}. True exactly once per minute: for the event that makes the minute's count
	 * reach its threshold.
	 */
	public boolean add(long millis) {
		long minute = Math.floorDiv(millis, MINUTE);
		if (minute < currentMinute) {
			if (currentMinute - minute <= baselineMinutes) {
				int slot = slot(minute);
				if (minutes[slot] != minute) {
					minutes[slot] = minute;
					counts[slot] = 0;
				}
				counts[slot]++;
			}
			return false;
		}
		if (minute > currentMinute) {
			currentMinute = minute;
			int slot = slot(minute);
			minutes[slot] = minute;
			counts[slot] = 0;
			threshold = thresholdFor(minute);
		}
		int count = ++counts[slot(minute)];
		return count == threshold;
	}

	/** The count the current minute must reach to raise ({@link Integer#MAX_VALUE} without a full baseline). */
	public int threshold() {
		return threshold;
	}

	/** The current minute's count so far. */
	public int currentCount() {
		int slot = slot(currentMinute);
		return minutes[slot] == currentMinute ? counts[slot] : 0;
	}

	/** The mean count per minute of the {@code baselineMinutes} minutes before {@code minute} (absent minutes are 0). */
	double baselineMean(long minute) {
		long sum = 0;
		for (long m = minute - baselineMinutes; m < minute; m++) {
			int slot = slot(m);
			if (minutes[slot] == m) {
				sum += counts[slot];
			}
		}
		return (double) sum / baselineMinutes;
	}

	private int thresholdFor(long minute) {
		if (minute - firstMinute < baselineMinutes) {
			return Integer.MAX_VALUE;
		}
		double limit = Math.floor(factor * baselineMean(minute)) + 1;
		return (int) Math.min(Integer.MAX_VALUE - 1L, Math.max(floor, (long) limit));
	}

	private int slot(long minute) {
		return (int) Math.floorMod(minute, (long) minutes.length);
	}
}
