package io.iterdef.bench.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AimTest {

	@Test
	void shouldMeetARatioAimAtOrAboveItsTarget() {
		assertThat(Aim.ratioAtLeast("indexer / bulk", 8_000, 10_000, 0.8).met()).isTrue();
		assertThat(Aim.ratioAtLeast("indexer / bulk", 7_999, 10_000, 0.8).met()).isFalse();
	}

	@Test
	void shouldMeetABoundAtOrBelowIt() {
		assertThat(Aim.atMost("p99", 1000, 1000, "ms").met()).isTrue();
		assertThat(Aim.atMost("p99", 1000.5, 1000, "ms").met()).isFalse();
	}

	@Test
	void shouldMissAnAimWhoseFigureIsMissing() {
		assertThat(Aim.ratioAtLeast("pipeline / B0", 5, 0, 0.5).met()).isFalse();
		assertThat(Aim.atMost("p99", Double.NaN, 1000, "ms").met()).isFalse();
	}

	@Test
	void shouldPrintEachAimWithItsTargetAndVerdict() {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		SystemTable.printAims(java.util.List.of(Aim.ratioAtLeast("indexer / plain bulk loop", 9, 10, 0.8),
				Aim.atMost("p99 event to alert", 1500, 1000, "ms")), new java.io.PrintStream(bytes, true));
		assertThat(bytes.toString()).contains("indexer / plain bulk loop").contains("0.90").contains(">= 0.80")
				.contains("met").contains("1,500").contains("<= 1,000 ms").contains("MISSED");
	}

	@Test
	void shouldCompareTheDetectionPathWithB0OnlyWhenBothRan() {
		Measurement b0 = new Measurement("b0", "producer rate", 40_000, "records/s");
		Measurement pipeline = new Measurement("pipeline", "sustained events/s", 18_000, "events/s");
		assertThat(SystemRun.crossAims(java.util.List.of(b0, pipeline))).singleElement().satisfies(a -> {
			assertThat(a.actual()).isEqualTo(0.45);
			assertThat(a.met()).isFalse();
		});
		assertThat(SystemRun.crossAims(java.util.List.of(pipeline))).isEmpty();
	}
}
