package io.iterdef.web.user;

import java.time.Instant;
import java.util.List;

import io.iterdef.web.system.SecurityConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ UserAdminController.class, TeamController.class, AccountController.class })
@Import(SecurityConfiguration.class)
class UserAdminControllerTest {

	@Autowired
	private MockMvc mockMvc;

	@MockitoBean
	private UserService users;

	@MockitoBean
	private TeamService teams;

	@Test
	void shouldListUsersWithEscapedNamesWhenAdmin() throws Exception {
		given(users.all()).willReturn(List.of(new UserRepository.User("eve", "<script>alert(1)</script>", null,
				Role.ANALYST, true, Instant.parse("2026-01-01T00:00:00Z"))));

		mockMvc.perform(get("/admin/users").with(user("ada").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(view().name(UserAdminController.VIEW_USER_LIST))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void shouldCreateUserAsTheAdminAndShowGeneratedPasswordOnce() throws Exception {
		given(users.create(eq("ada"), any())).willReturn(new UserService.PasswordResult("bob", "generated-secret-123"));

		mockMvc.perform(post("/admin/users").param("username", "bob").param("role", "lead")
			.with(user("ada").roles("ADMIN"))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("generatedPassword", "generated-secret-123"))
			.andExpect(flash().attribute("message", "Created user 'bob'."));
		verify(users).create("ada", new UserService.UserForm("bob", "", "", "lead", ""));
	}

	@Test
	void shouldShowTheReasonWhenAChangeIsRefused() throws Exception {
		willThrow(new UserAdminException("You cannot disable your own account; ask another admin.")).given(users)
			.setEnabled("ada", "ada", false);

		mockMvc.perform(post("/admin/users/ada/enabled").param("enabled", "false")
			.with(user("ada").roles("ADMIN"))
			.with(csrf()))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("error", "You cannot disable your own account; ask another admin."));
	}

	@Test
	void shouldNotTouchUsersWhenAnalystOrLeadPosts() throws Exception {
		mockMvc.perform(post("/admin/users").param("username", "x").param("role", "admin")
			.with(user("ann").roles("ANALYST"))
			.with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/users/ann/role").param("role", "admin")
			.with(user("lee").roles("LEAD"))
			.with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(users);
	}

	@Test
	void shouldLetLeadManageTeamsButNotAnalyst() throws Exception {
		mockMvc.perform(post("/admin/teams").param("name", "soc").with(user("ann").roles("ANALYST")).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(teams);

		mockMvc.perform(post("/admin/teams").param("name", "soc").param("email", "soc@example.org")
			.with(user("lee").roles("LEAD"))
			.with(csrf())).andExpect(redirectedUrl("/admin/teams"));
		verify(teams).create("lee", "soc", "soc@example.org");
	}

	@Test
	void shouldChangeOwnPasswordForAnyRole() throws Exception {
		mockMvc.perform(post("/account/password").param("currentPassword", "old")
			.param("newPassword", "a-new-password-1")
			.param("confirmPassword", "a-new-password-1")
			.with(user("ann").roles("ANALYST"))
			.with(csrf())).andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("message", "Your password has been changed."));
		verify(users).changeOwnPassword("ann", "old", "a-new-password-1", "a-new-password-1");
	}

}
