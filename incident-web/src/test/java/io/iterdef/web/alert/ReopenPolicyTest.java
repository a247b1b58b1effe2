package io.iterdef.web.alert;

import java.time.Duration;
import java.time.Instant;

import io.iterdef.web.incident.Incident;
import io.iterdef.web.incident.IncidentStatus;
import io.iterdef.web.incident.Resolution;
import io.iterdef.web.incident.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReopenPolicyTest {

	private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

	private static Incident resolved(Resolution resolution, Instant resolvedAt, Long mergedInto) {
		return new Incident(1, "t", "r", "R", Severity.HIGH, "h", "h", IncidentStatus.RESOLVED, NOW, NOW, NOW, NOW, 1,
				null, null, null, null, resolvedAt, "ann", resolution, 0, mergedInto, null);
	}

	@Test
	void shouldReopenWhenTruePositiveWasResolvedWithinTheWindow() {
		ReopenPolicy policy = new ReopenPolicy(Duration.ofHours(1));

		assertThat(policy.reopens(resolved(Resolution.TRUE_POSITIVE, NOW.minusSeconds(3599), null), NOW)).isTrue();
		assertThat(policy.reopens(resolved(Resolution.TRUE_POSITIVE, NOW.minusSeconds(3601), null), NOW)).isFalse();
	}

	@Test
	void shouldOpenNewWhenResolvedAsFalsePositiveBenignOrDuplicateOrMerged() {
		ReopenPolicy policy = new ReopenPolicy(Duration.ofHours(1));
		Instant recently = NOW.minusSeconds(60);

		assertThat(policy.reopens(resolved(Resolution.FALSE_POSITIVE, recently, null), NOW)).isFalse();
		assertThat(policy.reopens(resolved(Resolution.BENIGN, recently, null), NOW)).isFalse();
		assertThat(policy.reopens(resolved(Resolution.DUPLICATE, recently, null), NOW)).isFalse();
		assertThat(policy.reopens(resolved(Resolution.TRUE_POSITIVE, recently, 9L), NOW)).isFalse();
	}

	@Test
	void shouldNeverReopenWhenWindowIsZero() {
		assertThat(new ReopenPolicy(Duration.ZERO).reopens(resolved(Resolution.TRUE_POSITIVE, NOW, null), NOW))
			.isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new ReopenPolicy(Duration.ofSeconds(-1)))
			.withMessageContaining("ITERDEF_INCIDENT_REOPEN_WITHIN");
	}

}
