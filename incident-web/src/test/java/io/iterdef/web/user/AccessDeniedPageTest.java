package io.iterdef.web.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessDeniedPageTest {

	@Test
	void shouldNameTheAreaAndWhomToAskWhenRoleIsTooLow() {
		assertThat(AccessDeniedPage.message(Role.ANALYST, "/admin/policies/4/edit", false))
			.isEqualTo("Your role (analyst) cannot change escalation policies; ask a lead.");
		assertThat(AccessDeniedPage.message(Role.LEAD, "/admin/users", false))
			.isEqualTo("Your role (lead) cannot manage users; ask an admin.");
		assertThat(AccessDeniedPage.message(Role.ANALYST, "/admin/teams/soc/members", false))
			.isEqualTo("Your role (analyst) cannot manage teams; ask a lead.");
	}

	@Test
	void shouldNotMistakeAPathThatOnlyStartsLikeAnAreaForIt() {
		assertThat(AccessDeniedPage.message(Role.ANALYST, "/admin/slaughter", false))
			.isEqualTo("Your role (analyst) cannot use the admin pages; ask a lead.");
	}

	@Test
	void shouldGiveAGeneralSentenceOutsideTheAdminPages() {
		assertThat(AccessDeniedPage.message(Role.ANALYST, "/incidents/4/merge", false))
			.isEqualTo("Your role (analyst) is not allowed to do this; ask a lead or an admin.");
	}

	@Test
	void shouldTellToReloadWhenTheCsrfTokenIsMissing() {
		assertThat(AccessDeniedPage.message(Role.ADMIN, "/admin/users", true)).contains("security token (CSRF)")
			.contains("Reload the page");
	}

}
