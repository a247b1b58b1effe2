package io.iterdef.bench.system.pipeline;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline at a fixed rate: one shipper paced by a {@link Schedule} for {@code period}, then a wait (at most
 * {@code alertTimeout}) for the alerts of the marked records still on their way. Latencies are in the returned book.
 */
final class PacedPhase {

	/** The book of the marked records, and how many records went out at what rate. */
	record Result(LatencyBook book, long sent, double rate, long lateEvents) {
	}

	/** Told the time since the paced load started, about every 200 ms, on the benchmark's thread. */
	@FunctionalInterface
	interface Tick {
		void at(Duration elapsed) throws Exception;
	}

	private PacedPhase() {
	}

	static Result run(PipelineRig rig, double perSecond, Duration period, Duration alertTimeout) throws Exception {
		return run(rig, perSecond, period, alertTimeout, elapsed -> {
		});
	}

	/** As {@link #run(PipelineRig, double, Duration, Duration)}, telling {@code tick} the time since the start now and then. */
	static Result run(PipelineRig rig, double perSecond, Duration period, Duration alertTimeout, Tick tick)
			throws Exception {
		LatencyBook book = new LatencyBook();
		rig.alerts().use(book);
		long lateBefore = rig.metrics().counter(AppMetrics.LATE_EVENTS);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			long start = System.nanoTime() + 50_000_000L;
			long end = start + period.toNanos();
			Schedule schedule = new Schedule(start, perSecond);
			Future<Long> sender = pool.submit(() -> {
				try (TcpSender s = rig.sender()) {
					return s.paced(schedule, end, book);
				}
			});
			while (!sender.isDone()) {
				rig.checkAlive();
				tick.at(Duration.ofNanos(System.nanoTime() - start));
				Thread.sleep(200);
			}
			long sent = sender.get();
			long deadline = System.nanoTime() + alertTimeout.toNanos();
			while (book.missing() > 0 && System.nanoTime() < deadline) {
				rig.checkAlive();
				rig.alerts().check();
				Thread.sleep(100);
			}
			rig.alerts().check();
			long lateAfter = rig.metrics().counter(AppMetrics.LATE_EVENTS);
			long late = lateBefore < 0 || lateAfter < 0 ? -1 : lateAfter - lateBefore;
			return new Result(book, sent, sent * 1e9 / period.toNanos(), late);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
