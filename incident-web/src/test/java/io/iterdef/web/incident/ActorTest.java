package io.iterdef.web.incident;

import io.iterdef.web.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {

	@Test
	void shouldTakeTheHighestRoleWhenAuthenticationHasSeveral() {
		Actor actor = Actor.of(new TestingAuthenticationToken("lee", "x", "ROLE_ANALYST", "ROLE_LEAD"));

		assertThat(actor).isEqualTo(new Actor("lee", Role.LEAD));
		assertThat(actor.isLead()).isTrue();
	}

	@Test
	void shouldBeAnalystWhenAuthenticationHasNoKnownRole() {
		Actor actor = Actor.of(new TestingAuthenticationToken("ann", "x", "ROLE_USER"));

		assertThat(actor.role()).isEqualTo(Role.ANALYST);
		assertThat(actor.isLead()).isFalse();
		assertThat(new Actor("adam", Role.ADMIN).isLead()).isTrue();
	}

	@Test
	void shouldFormatSlaDurationsForThePage() {
		assertThat(SlaStatus.human(45)).isEqualTo("45s");
		assertThat(SlaStatus.human(1800)).isEqualTo("30m 00s");
		assertThat(SlaStatus.human(3 * 3600 + 300)).isEqualTo("3h 05m");
		assertThat(new SlaStatus.Phase(1800L, 1350, "warning", null).summary()).isEqualTo("22m 30s of 30m 00s (75 %)");
	}

}
