package io.iterdef.bench.engine;

import io.iterdef.bench.mix.EventMix;
import io.iterdef.kb.event.Event;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;

/**
 * detection-kb's whole rule library on the engine benchmark's mix: an operation runs the mix through a fresh session,
 * as {@code iterdef detect} does. Events/s = operations/s x {@code events}.
 */
@State(Scope.Benchmark)
public class LibraryBenchmark {

	@Param({ "" + EngineBenchmark.DEFAULT_HOSTS })
	public int hosts;

	@Param({ "" + EngineBenchmark.DEFAULT_EVENTS })
	public int events;

	private DroolsEngine library;

	private List<Event> mix;

	@Setup(Level.Trial)
	public void setUp() {
		mix = EventMix.generate(hosts, events, EngineBenchmark.SEED);
		library = DroolsEngine.library();
	}

	@Benchmark
	public long run() {
		return library.run(mix);
	}
}
