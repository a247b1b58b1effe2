package io.iterdef.bench.system.agents;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PickupClockTest {

	private static final long MS = 1_000_000L;

	private final PickupClock clock = new PickupClock();

	@Test
	void shouldTimeEachTaskFromCreationToPickup() {
		for (int i = 1; i <= 100; i++) {
			clock.created("t" + i, 0);
			clock.pickedUp("t" + i, i * MS);
		}

		Histogram window = clock.window();

		assertThat(window.getTotalCount()).isEqualTo(100);
		assertThat(window.getValueAtPercentile(50) / 1000.0).isCloseTo(50, within(0.1));
		assertThat(window.getValueAtPercentile(99) / 1000.0).isCloseTo(99, within(0.1));
		assertThat(clock.outstanding()).isZero();
	}

	@Test
	void shouldCountARepeatedOrUnknownPickupApartAndNotTimeIt() {
		clock.created("a", 0);
		clock.pickedUp("a", 5 * MS);
		clock.pickedUp("a", 9 * MS);
		clock.pickedUp("never-created", 9 * MS);

		assertThat(clock.window().getTotalCount()).isEqualTo(1);
		assertThat(clock.unknownPickups()).isEqualTo(2);
	}

	@Test
	void shouldStartEachWindowEmptyAndKeepTasksNotPickedUpOutstanding() {
		clock.created("a", 0);
		clock.pickedUp("a", MS);
		clock.window();
		clock.created("b", 0);
		clock.created("c", 0);
		clock.forget("c");

		assertThat(clock.window().getTotalCount()).isZero();
		assertThat(clock.outstanding()).isEqualTo(1);
	}

}
