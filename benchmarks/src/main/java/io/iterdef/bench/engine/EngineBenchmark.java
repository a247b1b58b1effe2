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
 * One rule shape on one engine: an operation runs the whole mix through a fresh session (Drools) or runtime (Esper)
 * and counts the matches. Events/s = operations/s x {@code events}.
 */
@State(Scope.Benchmark)
public class EngineBenchmark {

	public static final int DEFAULT_HOSTS = 300;

	public static final int DEFAULT_EVENTS = 20_000;

	public static final long SEED = 9;

	@Param({ "single", "threshold", "sequence" })
	public String shape;

	@Param({ "drools", "esper" })
	public String engine;

	@Param({ "" + DEFAULT_HOSTS })
	public int hosts;

	@Param({ "" + DEFAULT_EVENTS })
	public int events;

	private ShapeEngine rules;

	private List<Event> mix;

	@Setup(Level.Trial)
	public void setUp() {
		mix = EventMix.generate(hosts, events, SEED);
		rules = ShapeEngine.of(engine, Shape.of(shape));
	}

	@Benchmark
	public long run() {
		return rules.run(mix);
	}
}
