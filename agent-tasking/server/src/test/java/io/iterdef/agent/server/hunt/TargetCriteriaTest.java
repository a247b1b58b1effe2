package io.iterdef.agent.server.hunt;

import java.time.Instant;
import java.util.Map;

import io.iterdef.agent.server.system.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetCriteriaTest {

	private static final Instant NOW = Instant.parse("2026-11-29T04:00:00Z");

	@Test
	void shouldMatchOnlyWhenEveryTargetLabelIsPresentWithTheSameValue() {
		TargetCriteria criteria = TargetCriteria.of(Map.of("site", "fra", "role", "dc"), null, null);

		assertThat(criteria.matches(Map.of("site", "fra", "role", "dc", "extra", "x"), "linux", NOW, NOW)).isTrue();
		assertThat(criteria.matches(Map.of("site", "fra"), "linux", NOW, NOW)).isFalse();
		assertThat(criteria.matches(Map.of("site", "fra", "role", "web"), "linux", NOW, NOW)).isFalse();
		assertThat(criteria.matches(Map.of(), "linux", NOW, NOW)).isFalse();
		assertThat(criteria.matches(null, "linux", NOW, NOW)).isFalse();
	}

	@Test
	void shouldMatchAnyAgentWhenNothingIsTargeted() {
		TargetCriteria any = TargetCriteria.of(null, null, null);

		assertThat(any.matches(Map.of(), "windows", null, NOW)).isTrue();
		assertThat(any.matches(Map.of("site", "fra"), "linux", NOW.minusSeconds(86_400), NOW)).isTrue();
	}

	@Test
	void shouldMatchTheOsWhenOneIsTargeted() {
		TargetCriteria windows = TargetCriteria.of(Map.of(), "windows", null);

		assertThat(windows.matches(Map.of(), "windows", NOW, NOW)).isTrue();
		assertThat(windows.matches(Map.of(), "linux", NOW, NOW)).isFalse();
	}

	@Test
	void shouldMatchOnlyAgentsSeenWithinTheWindowWhenOneIsGiven() {
		TargetCriteria recent = TargetCriteria.of(Map.of(), null, 300L);

		assertThat(recent.matches(Map.of(), "linux", NOW.minusSeconds(300), NOW)).isTrue();
		assertThat(recent.matches(Map.of(), "linux", NOW.minusSeconds(10), NOW)).isTrue();
		assertThat(recent.matches(Map.of(), "linux", NOW.minusSeconds(301), NOW)).isFalse();
		assertThat(recent.matches(Map.of(), "linux", null, NOW)).isFalse();
	}

	@Test
	void shouldRefuseAnUnknownOsABlankLabelAndAnOutOfRangeWindow() {
		assertThatThrownBy(() -> TargetCriteria.of(Map.of(), "macos", null)).isInstanceOf(ApiException.class)
			.hasMessageContaining("unknown target OS 'macos'");
		assertThatThrownBy(() -> TargetCriteria.of(Map.of("site", " "), null, null)).isInstanceOf(ApiException.class)
			.hasMessageContaining("target label 'site'");
		assertThatThrownBy(() -> TargetCriteria.of(Map.of(), null, 0L)).isInstanceOf(ApiException.class)
			.hasMessageContaining("targetSeenWithinSeconds 0");
	}

}
