package io.iterdef.bench.system.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the pipeline stands at one moment, in Kafka offsets summed over partitions: records on the raw topic, raw
 * records normalize committed, events on the events topic (read_committed end), events detect committed. A
 * transaction marker takes an offset too, one per partition and commit (a few a second): negligible against thousands
 * of records a second.
 */
record StageSample(long nanos, long rawEnd, long normalized, long eventsEnd, long detected) {

	/** Raw records normalize took per second between this sample and {@code later}. */
	double normalizeRate(StageSample later) {
		return perSecond(later.normalized - normalized, later.nanos - nanos);
	}

	/** Events detect took per second between this sample and {@code later}: what the whole pipeline sustained. */
	double detectRate(StageSample later) {
		return perSecond(later.detected - detected, later.nanos - nanos);
	}

	/** Records accepted by the collector but not yet through detect. */
	long backlog() {
		return Math.max(0, rawEnd - normalized) + Math.max(0, eventsEnd - detected);
	}

	/** The detect rates of consecutive samples. */
	static List<Double> detectRates(List<StageSample> samples) {
		List<Double> rates = new ArrayList<>();
		for (int i = 1; i < samples.size(); i++) {
			rates.add(samples.get(i - 1).detectRate(samples.get(i)));
		}
		return rates;
	}

	private static double perSecond(long count, long nanos) {
		return nanos <= 0 ? Double.NaN : count * 1e9 / nanos;
	}
}
