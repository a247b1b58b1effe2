package io.iterdef.bench.engine;

import io.iterdef.bench.mix.EventMix;
import io.iterdef.kb.event.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes the engine comparison honest: on the benchmark's own mix, the DRL and the EPL of each shape find the
 * same number of matches, and it is the number plain Java counts.
 */
class EqualMatchCountsTest {

	private static List<Event> mix;

	@BeforeAll
	static void generate() {
		mix = EventMix.generate(EngineBenchmark.DEFAULT_HOSTS, EngineBenchmark.DEFAULT_EVENTS, EngineBenchmark.SEED);
	}

	@ParameterizedTest
	@EnumSource(Shape.class)
	void shouldFindTheSameMatchesWhenDroolsAndEsperRunTheSameShape(Shape shape) {
		long expected = GroundTruth.count(shape, mix);

		long drools = ShapeEngine.of("drools", shape).run(mix);
		long esper = ShapeEngine.of("esper", shape).run(mix);

		assertThat(expected).as("matches of %s in the mix", shape).isGreaterThan(20);
		assertThat(drools).as("Drools on %s", shape).isEqualTo(expected);
		assertThat(esper).as("Esper on %s", shape).isEqualTo(expected);
	}
}
