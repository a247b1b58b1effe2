package io.iterdef.bench.system.pipeline;

import io.iterdef.bench.system.Aim;
import io.iterdef.bench.system.BenchEnv;
import io.iterdef.bench.system.Outcome;
import io.iterdef.bench.system.SystemBenchmark;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Collector to alert: streams-app (collector, normalize, detect with the whole built-in rule library) as a child
 * process on topics of this run's own, fed NXLog JSON lines over TCP re-timed to now on {@value PipelineRig#HOSTS}
 * hosts, one record in {@value LoadMix#MARK_EVERY} firing "Encoded PowerShell command line" on a host of its own.
 * First flat out (the rate detect sustains: "sustained events/s"), then paced at half that rate: p50, p99 and p99.9 of
 * a marked record's alert arriving on the alerts topic after the record's intended send time (HdrHistogram).
 */
public final class PipelineBenchmark implements SystemBenchmark {
	static final String AIM_P99 = "p99 event to alert at half load";

	/**
	 * streams-app's heap: the detect sessions keep every event for the rule library's longest window (15 min), so
	 * the heap grows by every event the benchmark sends (a few KiB each, see the soak): 1g fills within a full run.
	 */
	static final String HEAP = "6g";

	/** The last sustained rate measured in this JVM (the soak runs at half of it when it runs after this). */
	private static volatile OptionalDouble lastSustained = OptionalDouble.empty();

	private final PrintStream progress;

	public PipelineBenchmark() {
		this(System.out);
	}

	PipelineBenchmark(PrintStream progress) {
		this.progress = progress;
	}

	@Override
	public String name() {
		return "pipeline";
	}

	/** For the soak: the last sustained rate of this JVM, if the pipeline benchmark ran. */
	public static OptionalDouble sustainedOfThisRun() {
		return lastSustained;
	}

	@Override
	public Outcome run(BenchEnv env) throws Exception {
		PhaseTimes times = PhaseTimes.of(env.quick());
		Outcome.Builder out = new Outcome.Builder(name());
		try (PipelineRig rig = PipelineRig.start(env, name(), HEAP)) {
			progress.println("bench: pipeline: streams-app ready (pid " + rig.pid() + "); checking the path to an alert");
			pathCheck(rig);
			progress.println("bench: pipeline: flat out for " + times.warmup().plus(times.period()).toSeconds() + " s");
			SustainedPhase.Result max = SustainedPhase.run(rig, times.warmup(), times.period(), times.every(), 2,
					progress);
			lastSustained = OptionalDouble.of(max.detectRate());
			out.measure("sustained events/s", max.detectRate(), "events/s")
					.measure("normalize events/s (flat out)", max.normalizeRate(), "events/s")
					.measure("backlog at the end of flat out", max.backlog(), "records");
			late(out, "late events while flat out", max.lateEvents());
			progress.println("bench: pipeline: waiting for the backlog to drain");
			Duration drain = times.drain().plusSeconds((long) (max.backlog() / Math.max(1, max.detectRate())));
			if (!rig.drain(drain)) {
				out.note("the backlog of the flat-out phase had not drained after " + drain.toSeconds()
						+ " s: the paced phase started on a busy pipeline");
			}
			double rate = max.detectRate() / 2;
			progress.printf(Locale.ROOT, "bench: pipeline: paced at %,.0f events/s for %d s%n", rate,
					times.period().toSeconds());
			PacedPhase.Result paced = PacedPhase.run(rig, rate, times.period(), times.alertTimeout());
			report(out, paced);
			out.note(String.format(Locale.ROOT, "flat out: detect took %s events/s in the sampled intervals (median "
					+ "taken), %,d alerts arrived; the senders paused while more than %,d records (5 s of detect's "
					+ "best rate) waited; the indexer was kept out (benchmark 'indexer')", rates(max), max.alerts(),
					max.cap()));
			out.note(latencyFloor());
			out.note("streams-app -Xmx" + rig.heap() + ": the detect sessions keep every event for the longest rule "
					+ "window (15 min), so the heap grew with every event sent here; a long run at these rates would "
					+ "hold events/s x 15 min of them (the soak measures the heap per event)");
			if (paced.lateEvents() > 0 || max.lateEvents() > 0) {
				out.note("late events (older than their detect task's clock: evaluated by single-event rules only, "
						+ "so they never count toward a threshold or a sequence); how late each was: the 'late event' "
						+ "lines of streams-app.log in the run's pipeline directory");
			}
			if (!PipelineRig.overrides().isEmpty()) {
				out.note("streams-app ran with " + PipelineRig.overrides() + " (-D" + PipelineRig.OVERRIDE
						+ "...): not its defaults");
			}
		}
		return out.build();
	}

	/** What the configuration adds to every alert's latency under steady load. */
	static String latencyFloor() {
		String grace = PipelineRig.setting("ITERDEF_DETECT_GRACE_MS", "5000");
		String punctuate = PipelineRig.setting("ITERDEF_DETECT_PUNCTUATE_MS", "1000");
		String commit = PipelineRig.setting("ITERDEF_STREAMS_COMMIT_MS", "100");
		return "latency floor by configuration: normalize and detect each commit their exactly-once transactions "
				+ "every " + commit + " ms (ITERDEF_STREAMS_COMMIT_MS; read_committed readers, detect included, see a "
				+ "record only then); single-event rules (the timed one included) judge an event when detect reads "
				+ "it, the other rules once their task has seen an event " + grace + " ms newer (ITERDEF_DETECT_GRACE_MS) "
				+ "or " + punctuate + " ms of quiet input (ITERDEF_DETECT_PUNCTUATE_MS)";
	}

	static void report(Outcome.Builder out, PacedPhase.Result paced) {
		LatencyBook book = paced.book();
		double p99 = book.percentileMillis(99);
		out.measure("paced rate (half of sustained)", paced.rate(), "events/s")
				.measure("p50 event to alert", book.percentileMillis(50), "ms")
				.measure("p99 event to alert", p99, "ms")
				.measure("p99.9 event to alert", book.percentileMillis(99.9), "ms")
				.measure("alerts timed (marked records)", book.recorded(), "alerts")
				.aim(Aim.atMost(AIM_P99, p99, 1000, "ms"));
		late(out, "late events while paced", paced.lateEvents());
		if (book.missing() > 0) {
			out.measure("marked records without an alert", book.missing(), "records");
			out.note(book.missing() + " marked records had no alert of \"" + LoadMix.RULE
					+ "\" when the wait ended: they are not in the percentiles");
		}
	}

	/** Detect's late events of a phase (evaluated by single-event rules only), when streams-app told them. */
	private static void late(Outcome.Builder out, String metric, long late) {
		if (late >= 0) {
			out.measure(metric, late, "events");
		}
		else {
			out.note(metric + ": streams-app's GET /metrics did not answer");
		}
	}

	/** Sends a few marked records slowly and waits for an alert: the whole path works before anything is measured. */
	private void pathCheck(PipelineRig rig) throws Exception {
		PacedPhase.Result check = PacedPhase.run(rig, 50, Duration.ofSeconds(3), Duration.ofSeconds(120));
		if (check.book().recorded() == 0) {
			throw new IllegalStateException("no alert of \"" + LoadMix.RULE + "\" came within 120 s of sending "
					+ check.sent() + " records: is detect running? See the streams-app log under the run's "
					+ "pipeline directory");
		}
		progress.printf(Locale.ROOT, "bench: pipeline: path works (first alerts after %.0f ms)%n",
				check.book().percentileMillis(50));
	}

	private static String rates(SustainedPhase.Result max) {
		return max.detectRates().stream().map(r -> String.format(Locale.ROOT, "%,.0f", r))
				.reduce((a, b) -> a + ", " + b).orElse("none");
	}

	/** How long each phase runs: quick is a smoke run. */
	record PhaseTimes(Duration warmup, Duration period, Duration every, Duration drain, Duration alertTimeout) {
		static PhaseTimes of(boolean quick) {
			return quick
					? new PhaseTimes(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(5),
							Duration.ofSeconds(30), Duration.ofSeconds(30))
					: new PhaseTimes(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(15),
							Duration.ofSeconds(60), Duration.ofSeconds(60));
		}
	}
}
