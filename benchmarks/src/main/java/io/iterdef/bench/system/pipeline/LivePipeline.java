package io.iterdef.bench.system.pipeline;

import io.iterdef.bench.system.BenchEnv;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The pipeline benchmark's rig for other benchmarks (the soak): streams-app on topics of its own, a flat-out
 * measurement and a paced load with event-to-alert latencies.
 */
public final class LivePipeline implements AutoCloseable {
	private final PipelineRig rig;

	/** What a paced load did: records sent, at what rate, and the latencies of the marked records' alerts (ms). */
	public record Paced(long sent, double rate, double p50, double p99, double p999, long timed, int missing) {
	}

	/** Told the time since the paced load started, about every 200 ms. */
	@FunctionalInterface
	public interface WhileRunning {
		void at(Duration elapsed) throws Exception;
	}

	private LivePipeline(PipelineRig rig) {
		this.rig = rig;
	}

	/** Starts streams-app ({@code heap}, e.g. "1g", unless -Dbench.streams.heap says otherwise) until it is ready. */
	public static LivePipeline start(BenchEnv env, String name, String heap) throws IOException, InterruptedException {
		return new LivePipeline(PipelineRig.start(env, name, heap));
	}

	public long pid() {
		return rig.pid();
	}

	/** streams-app's -Xmx (as asked, or {@code -Dbench.streams.heap}). */
	public String heap() {
		return rig.heap();
	}

	/** The rate detect sustains flat out (median over intervals of {@code every}), after a warm-up. */
	public double sustained(Duration warmup, Duration period, Duration every, PrintStream progress) throws Exception {
		return SustainedPhase.run(rig, warmup, period, every, 2, progress).detectRate();
	}

	/** Waits until the backlog went through detect; false when {@code timeout} passed first. */
	public boolean drain(Duration timeout) throws InterruptedException {
		return rig.drain(timeout);
	}

	/** A paced load at {@code perSecond} for {@code period}, then at most {@code alertTimeout} for the last alerts. */
	public Paced paced(double perSecond, Duration period, Duration alertTimeout, WhileRunning whileRunning)
			throws Exception {
		PacedPhase.Result r = PacedPhase.run(rig, perSecond, period, alertTimeout, whileRunning::at);
		LatencyBook b = r.book();
		return new Paced(r.sent(), r.rate(), b.percentileMillis(50), b.percentileMillis(99), b.percentileMillis(99.9),
				b.recorded(), b.missing());
	}

	@Override
	public void close() throws InterruptedException {
		rig.close();
	}
}
