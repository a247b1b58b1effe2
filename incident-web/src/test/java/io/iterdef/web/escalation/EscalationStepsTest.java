package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationStepsTest {

	private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	private static final List<Level> LEVELS = List.of(level(0), level(300), level(900));

	private static Level level(long delay) {
		return new Level(delay, List.of(new Target(Target.Type.EMAIL, "soc@example.org")));
	}

	@Test
	void shouldDueLevelOneAfterItsDelayFromCreation() {
		assertThat(EscalationSteps.firstDue(List.of(level(120)), T0)).isEqualTo(T0.plusSeconds(120));
	}

	@Test
	void shouldGoToNextLevelCountingFromThePreviousDueTime() {
		assertThat(EscalationSteps.after(LEVELS, 0, 0, 0, T0)).contains(new EscalationSteps.Step(1, 0, T0.plusSeconds(300)));
		assertThat(EscalationSteps.after(LEVELS, 0, 1, 0, T0.plusSeconds(300)))
			.contains(new EscalationSteps.Step(2, 0, T0.plusSeconds(1200)));
	}

	@Test
	void shouldStopAfterLastLevelWhenNoRepeatsAreLeft() {
		assertThat(EscalationSteps.after(LEVELS, 0, 2, 0, T0)).isEmpty();
		assertThat(EscalationSteps.after(LEVELS, 2, 2, 2, T0)).isEmpty();
	}

	@Test
	void shouldStartAgainAtLevelOneInNextRoundWhenRepeatsAreLeft() {
		assertThat(EscalationSteps.after(LEVELS, 2, 2, 0, T0)).contains(new EscalationSteps.Step(0, 1, T0));
		assertThat(EscalationSteps.after(List.of(level(600)), 1, 0, 0, T0))
			.contains(new EscalationSteps.Step(0, 1, T0.plusSeconds(600)));
		assertThat(EscalationSteps.after(List.of(level(600)), 1, 0, 1, T0)).isEmpty();
	}

}
