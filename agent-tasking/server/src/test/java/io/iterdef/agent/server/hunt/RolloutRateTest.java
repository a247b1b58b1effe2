package io.iterdef.agent.server.hunt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutRateTest {

	@Test
	void shouldStartUpToTheRateWhenNothingStartedInTheLastMinute() {
		assertThat(RolloutRate.startsAllowed(2, 0, 5, 1000)).isEqualTo(2);
	}

	@Test
	void shouldStartOnlyWhatIsLeftOfThisMinutesRate() {
		assertThat(RolloutRate.startsAllowed(5, 3, 10, 1000)).isEqualTo(2);
		assertThat(RolloutRate.startsAllowed(2, 2, 3, 1000)).isZero();
	}

	@Test
	void shouldNeverStartANegativeNumberWhenMoreStartedThanTheRate() {
		assertThat(RolloutRate.startsAllowed(2, 7, 3, 1000)).isZero();
	}

	@Test
	void shouldStartNoMoreThanArePendingOrTheCycleAllows() {
		assertThat(RolloutRate.startsAllowed(100, 0, 3, 1000)).isEqualTo(3);
		assertThat(RolloutRate.startsAllowed(100_000, 0, 50_000, 1000)).isEqualTo(1000);
		assertThat(RolloutRate.startsAllowed(10, 0, 0, 1000)).isZero();
	}

}
