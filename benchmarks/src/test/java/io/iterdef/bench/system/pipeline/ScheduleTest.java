package io.iterdef.bench.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScheduleTest {
	private final Schedule schedule = new Schedule(1_000_000_000L, 4_000);

	@Test
	void shouldSpaceRecordsEvenlyFromTheStartWhenPaced() {
		assertThat(schedule.intended(0)).isEqualTo(1_000_000_000L);
		assertThat(schedule.intended(1)).isEqualTo(1_000_250_000L);
		assertThat(schedule.intended(4_000)).isEqualTo(2_000_000_000L);
	}

	@Test
	void shouldCountTheRecordsDueWhenAskedAtATime() {
		assertThat(schedule.dueBy(999_999_999L)).isZero();
		assertThat(schedule.dueBy(1_000_000_000L)).isEqualTo(1);
		assertThat(schedule.dueBy(1_000_249_999L)).isEqualTo(1);
		assertThat(schedule.dueBy(1_000_250_000L)).isEqualTo(2);
		assertThat(schedule.dueBy(2_000_000_000L)).isEqualTo(4_001);
	}

	@Test
	void shouldKeepTheRateWhenTheRateIsNotAWholeNumberOfNanoseconds() {
		Schedule third = new Schedule(0, 3);

		assertThat(third.dueBy(1_000_000_000L)).isEqualTo(4);
		assertThat(third.dueBy(10_000_000_000L)).isEqualTo(31);
		for (long i = 0; i < 1_000; i++) {
			assertThat(third.dueBy(third.intended(i))).isEqualTo(i + 1);
		}
	}

	@Test
	void shouldRefuseARateThatIsNoRateWhenCreated() {
		assertThatThrownBy(() -> new Schedule(0, 0)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("rate > 0");
		assertThatThrownBy(() -> new Schedule(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
	}
}
