package io.iterdef.bench.engine;

import io.iterdef.bench.mix.EventMix;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes the engine comparison honest: on the benchmark's own mix, the DRL and the EPL of each shape find the
 * same number of matches, and it is the number plain Java counts. Also on a denser mix (few hosts: overlapping
 * bursts, several Office starts before one PowerShell), where the window edges and pairings matter more.
 */
class EqualMatchCountsTest {

	private static final List<Event> BENCHMARK_MIX = EventMix.generate(EngineBenchmark.DEFAULT_HOSTS,
			EngineBenchmark.DEFAULT_EVENTS, EngineBenchmark.SEED);

	private static final List<Event> DENSE_MIX = EventMix.generate(12, 8_000, 3);

	static Stream<Arguments> shapesAndMixes() {
		return Stream.of(Shape.values())
			.flatMap(shape -> Stream.of(Arguments.of(shape, "benchmark mix"), Arguments.of(shape, "dense mix")));
	}

	@ParameterizedTest(name = "{0} on the {1}")
	@MethodSource("shapesAndMixes")
	void shouldFindTheSameMatchesWhenDroolsAndEsperRunTheSameShape(Shape shape, String mixName) {
		List<Event> mix = mixName.equals("dense mix") ? DENSE_MIX : BENCHMARK_MIX;
		long expected = GroundTruth.count(shape, mix);

		long drools = ShapeEngine.of("drools", shape).run(mix);
		long esper = ShapeEngine.of("esper", shape).run(mix);

		assertThat(expected).as("matches of %s in the %s", shape, mixName).isGreaterThan(20);
		assertThat(drools).as("Drools on %s", shape).isEqualTo(expected);
		assertThat(esper).as("Esper on %s", shape).isEqualTo(expected);
	}
}
