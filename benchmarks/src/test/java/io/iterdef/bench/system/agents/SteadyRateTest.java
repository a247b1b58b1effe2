package io.iterdef.bench.system.agents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteadyRateTest {

	private static final long MS = 1_000_000L;

	@Test
	void shouldReleaseEventsAtTheRate() {
		SteadyRate rate = new SteadyRate(100);
		assertThat(rate.take(0)).isZero();
		assertThat(rate.take(10 * MS)).isEqualTo(1);
		assertThat(rate.take(15 * MS)).isZero();
		assertThat(rate.take(20 * MS)).isEqualTo(1);
	}

	@Test
	void shouldCatchUpAfterALateTickSoThatTheLongRunRateHolds() {
		SteadyRate rate = new SteadyRate(100);
		assertThat(rate.take(10 * MS)).isEqualTo(1);
		assertThat(rate.take(510 * MS)).isEqualTo(50);
		assertThat(rate.take(1000 * MS)).isEqualTo(49);
	}

	@Test
	void shouldNeverTakeMoreThanDueWhenTicksRepeat() {
		SteadyRate rate = new SteadyRate(3);
		long total = 0;
		for (long t = 0; t <= 10_000 * MS; t += 7 * MS) {
			total += rate.take(t);
		}
		assertThat(total).isEqualTo(29);
	}

	@Test
	void shouldRefuseARateThatIsNotPositive() {
		assertThatThrownBy(() -> new SteadyRate(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SteadyRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
	}

}
