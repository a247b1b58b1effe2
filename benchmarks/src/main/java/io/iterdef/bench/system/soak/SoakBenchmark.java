package io.iterdef.bench.system.soak;

import io.iterdef.bench.system.Aim;
import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.Outcome;
import io.iterdef.bench.system.SystemBenchmark;
import io.iterdef.bench.system.pipeline.LivePipeline;
import io.iterdef.bench.system.pipeline.PipelineBenchmark;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The pipeline at half load for 30 minutes (2 with --quick; -Dbench.soak.minutes, -Dbench.soak.rate and
 * -Dbench.streams.heap change length, rate and streams-app's heap, default 6g): streams-app's used heap after a forced GC once the
 * warm-up is over, and again just before the end, while the load runs. The rate is half the pipeline benchmark's
 * sustained rate of this run, or, when it did not run, half a short flat-out measurement of the soak's own.
 */
public final class SoakBenchmark implements SystemBenchmark {
	static final String AIM = "soak heap growth after windows expire";

	/** A fixed rate (events/s) instead of half the sustained one, e.g. one whose 15 minutes of events (the longest window) fit the heap. */
	static final String RATE_PROPERTY = "bench.soak.rate";

	private static final double MIB = 1024.0 * 1024;

	private final PrintStream progress;

	public SoakBenchmark() {
		this(System.out);
	}

	SoakBenchmark(PrintStream progress) {
		this.progress = progress;
	}

	@Override
	public String name() {
		return "soak";
	}

	@Override
	public boolean byDefault() {
		return false;
	}

	@Override
	public Outcome run(BenchEnv env) throws Exception {
		SoakTimes times = SoakTimes.of(env.quick());
		Outcome.Builder out = new Outcome.Builder(name());
		try (LivePipeline pipeline = LivePipeline.start(env, name(), "6g")) {
			Jcmd jcmd = new Jcmd(pipeline.pid());
			double sustained = sustained(pipeline, times);
			double rate = sustained / 2;
			progress.printf(Locale.ROOT, "bench: soak: %,.0f events/s for %d min; heap after GC at %d s and %d s%n", rate,
					times.total().toMinutes(), times.startSample().toSeconds(), times.endSample().toSeconds());
			HeapSamples heap = new HeapSamples(jcmd, times, progress);
			LivePipeline.Paced paced = pipeline.paced(rate, times.total(), Duration.ofSeconds(30), heap::at);
			if (System.getProperty(RATE_PROPERTY) != null) {
				out.note("rate fixed by -D" + RATE_PROPERTY + ", not half the sustained rate");
			}
			if (!heap.complete()) {
				throw new IllegalStateException("the soak ended before both heap samples were taken");
			}
			double growth = growthPercent(heap.start(), heap.end());
			double seconds = times.endSample().minus(times.startSample()).toMillis() / 1000.0;
			double perEvent = (heap.end() - heap.start()) / (paced.rate() * seconds);
			out.measure(System.getProperty(RATE_PROPERTY) != null ? "rate (fixed by -Dbench.soak.rate)" : "rate (half of sustained)", paced.rate(), "events/s")
					.measure("heap after GC, after warm-up", heap.start() / MIB, "MiB")
					.measure("heap after GC, at the end", heap.end() / MIB, "MiB")
					.measure("heap growth", growth, "%")
					.measure("heap growth per event between the samples", perEvent / 1024, "KiB")
					.measure("p99 event to alert during the soak", paced.p99(), "ms")
					.aim(Aim.atMost(AIM, growth, 10, "%"))
					.note(String.format(Locale.ROOT, "streams-app -Xmx%s; heap sampled with jcmd GC.run + GC.heap_info "
							+ "at %d s and %d s of %d s of load; the rule library's longest window is 15 min and its "
							+ "longest suppression 1 h: a shorter soak measures before those expire, and until they do "
							+ "the heap grows by about the per-event figure for every event", pipeline.heap(),
							times.startSample().toSeconds(), times.endSample().toSeconds(), times.total().toSeconds()));
		}
		return out.build();
	}

	/** Twice the soak's rate: {@code -Dbench.soak.rate} x 2 when set, else the sustained rate of this run or a new one. */
	private double sustained(LivePipeline pipeline, SoakTimes times) throws Exception {
		String fixed = System.getProperty(RATE_PROPERTY);
		if (fixed != null) {
			double rate = Double.parseDouble(fixed.trim());
			if (!(rate > 0)) {
				throw new IllegalArgumentException("-D" + RATE_PROPERTY + " must be a rate > 0 events/s, not " + fixed);
			}
			return 2 * rate;
		}
		OptionalDouble ofThisRun = PipelineBenchmark.sustainedOfThisRun();
		if (ofThisRun.isPresent() && ofThisRun.getAsDouble() > 0) {
			return ofThisRun.getAsDouble();
		}
		progress.println("bench: soak: the pipeline benchmark did not run before: measuring the sustained rate");
		double sustained = pipeline.sustained(times.flatOutWarmup(), times.flatOut(), times.flatOutEvery(), progress);
		if (!(sustained > 0)) {
			throw new IllegalStateException("the flat-out measurement found no events going through detect: see the "
					+ "streams-app log under the run's soak directory");
		}
		pipeline.drain(Duration.ofSeconds(120));
		return sustained;
	}

	/** (end - start) / start, in percent. */
	static double growthPercent(long start, long end) {
		if (start <= 0) {
			throw new IllegalArgumentException("the heap after warm-up must be > 0 bytes, not " + start);
		}
		return (end - start) * 100.0 / start;
	}
}
