package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BacklogGateTest {
	private final BacklogGate gate = new BacklogGate();

	@Test
	void shouldHoldTheFirstCapWhenDetectsRateIsNotKnownYet() {
		gate.update(BacklogGate.FIRST_CAP, Double.NaN);

		assertThat(gate.open()).isTrue();

		gate.update(BacklogGate.FIRST_CAP + 1, 0);

		assertThat(gate.open()).isFalse();
	}

	@Test
	void shouldCloseAboveFiveSecondsOfDetectsRateAndOpenBelowWhenTheBacklogMoves() {
		gate.update(20_000, 10_000);

		assertThat(gate.cap()).isEqualTo(50_000);
		assertThat(gate.open()).isTrue();

		gate.update(50_001, 10_000);

		assertThat(gate.open()).isFalse();

		gate.update(49_000, 10_000);

		assertThat(gate.open()).isTrue();
	}

	@Test
	void shouldKeepAMinimumCapWhenDetectIsSlow() {
		gate.update(1_500, 10);

		assertThat(gate.cap()).isEqualTo(BacklogGate.MIN_CAP);
		assertThat(gate.open()).isTrue();
	}
}
