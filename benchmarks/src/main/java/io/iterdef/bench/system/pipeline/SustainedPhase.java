package io.iterdef.bench.system.pipeline;

import io.iterdef.bench.report.Medians;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline flat out: {@code connections} shippers send as fast as the collector reads (pausing while the backlog
 * is above a few seconds of work, see {@link BacklogGate}), for a warm-up and then the measured period, sampled every
 * {@code every}. The pipeline's rate is what detect took per second (every record went through normalize before), the
 * median over the sampled intervals.
 */
final class SustainedPhase {

	/** The figures of one flat-out period. */
	record Result(double detectRate, double normalizeRate, long backlog, long cap, long alerts, long lateEvents,
			List<Double> detectRates) {
	}

	private SustainedPhase() {
	}

	static Result run(PipelineRig rig, Duration warmup, Duration period, Duration every, int connections,
			PrintStream progress) throws Exception {
		long start = System.nanoTime();
		long end = start + warmup.toNanos() + period.toNanos();
		LatencyBook ignored = new LatencyBook();
		BacklogGate gate = new BacklogGate();
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		try {
			List<Future<Long>> senders = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				senders.add(pool.submit(() -> {
					try (TcpSender sender = rig.sender()) {
						return sender.flatOut(end, gate, ignored);
					}
				}));
			}
			List<StageSample> samples = new ArrayList<>();
			long alertsBefore = 0;
			long lateBefore = 0;
			for (long at = start + warmup.toNanos(); at <= end; at += every.toNanos()) {
				waitUntil(at, rig, senders, gate, samples);
				if (samples.isEmpty()) {
					alertsBefore = rig.alerts().alerts();
					lateBefore = rig.metrics().counter(AppMetrics.LATE_EVENTS);
				}
				StageSample s = rig.sample();
				samples.add(s);
				if (samples.size() > 1) {
					progress.printf(Locale.ROOT, "bench: flat out: %,.0f events/s through detect, backlog %,d%n",
							samples.get(samples.size() - 2).detectRate(s), s.backlog());
				}
			}
			for (Future<Long> sender : senders) {
				sender.get();
			}
			long alerts = rig.alerts().alerts() - alertsBefore;
			long lateAfter = rig.metrics().counter(AppMetrics.LATE_EVENTS);
			long late = lateBefore < 0 || lateAfter < 0 ? -1 : lateAfter - lateBefore;
			StageSample first = samples.get(0);
			StageSample last = samples.get(samples.size() - 1);
			List<Double> normalizeRates = new ArrayList<>();
			for (int i = 1; i < samples.size(); i++) {
				normalizeRates.add(samples.get(i - 1).normalizeRate(samples.get(i)));
			}
			List<Double> detectRates = StageSample.detectRates(samples);
			return new Result(Medians.of(detectRates), Medians.of(normalizeRates), last.backlog(),
					gate.cap(), alerts, late, detectRates);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Waits until {@code nanos}, keeping the gate up to date (twice a second) and failing early when streams-app or a
	 * sender failed.
	 */
	private static void waitUntil(long nanos, PipelineRig rig, List<Future<Long>> senders, BacklogGate gate,
			List<StageSample> samples) throws InterruptedException, ExecutionException {
		while (System.nanoTime() < nanos) {
			rig.checkAlive();
			for (Future<Long> sender : senders) {
				if (sender.isDone()) {
					sender.get();
				}
			}
			// the best interval so far: a stall of detect must not shrink the backlog it gets afterwards
			gate.update(rig.sample().backlog(),
					StageSample.detectRates(samples).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
			Thread.sleep(Math.max(1, Math.min(500, (nanos - System.nanoTime()) / 1_000_000)));
		}
	}
}
