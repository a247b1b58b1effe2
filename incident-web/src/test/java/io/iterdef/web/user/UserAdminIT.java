package io.iterdef.web.user;

import java.util.UUID;

import io.iterdef.web.StackSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users and teams admin against the real PostgreSQL: what an admin or lead changes is what the login then
 * does, and every change is in audit_log without passwords or hashes. Users and teams have random names.
 */
class UserAdminIT extends StackSupport {

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder passwordEncoder;

	private String newUser(Role role) {
		String name = "it-" + role.dbValue() + "-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)")
			.params(name, passwordEncoder.encode(PASSWORD), role.dbValue())
			.update();
		return name;
	}

	private String audit(String action, String username, String column) {
		return jdbc.sql("SELECT " + column + " FROM audit_log WHERE action = ? "
				+ "AND coalesce(after, before)->>'username' = ? ORDER BY id DESC LIMIT 1")
			.params(action, username)
			.query(String.class)
			.single();
	}

	@Test
	void shouldCreateUserWhoCanLogInAndAuditItWithoutThePassword() throws Exception {
		String admin = newUser(Role.ADMIN);
		String bob = "it-bob-" + UUID.randomUUID().toString().substring(0, 8);

		mockMvc.perform(post("/admin/users").param("username", bob)
			.param("displayName", "Bob <b>")
			.param("email", "bob@example.org")
			.param("role", "lead")
			.param("password", "bobs-own-password")
			.with(user(admin).roles("ADMIN"))
			.with(csrf())).andExpect(redirectedUrl("/admin/users")).andExpect(flash().attribute("error", (Object) null));

		String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = ? AND role = 'lead' AND enabled")
			.param(bob)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").isNotEqualTo("bobs-own-password");
		assertThat(audit("user.create", bob, "actor")).isEqualTo(admin);
		assertThat(audit("user.create", bob, "after::text")).contains("\"role\": \"lead\"")
			.contains("bob@example.org")
			.doesNotContain("bobs-own-password")
			.doesNotContain(hash);
		mockMvc.perform(formLogin("/login").user(bob).password("bobs-own-password"))
			.andExpect(authenticated().withUsername(bob).withRoles("LEAD"));
	}

	@Test
	void shouldApplyRoleChangeAndDisablingToALoggedInUserAndRefuseTheNextLogin() throws Exception {
		String admin = newUser(Role.ADMIN);
		String ann = newUser(Role.ANALYST);
		MockHttpSession session = (MockHttpSession) mockMvc
			.perform(formLogin("/login").user(ann).password(PASSWORD))
			.andExpect(authenticated())
			.andReturn()
			.getRequest()
			.getSession(false);
		mockMvc.perform(get("/admin/teams").session(session)).andExpect(status().isForbidden());

		mockMvc.perform(post("/admin/users/{u}/role", ann).param("role", "lead")
			.with(user(admin).roles("ADMIN"))
			.with(csrf())).andExpect(flash().attribute("message", "'" + ann + "' is now lead."));
		mockMvc.perform(get("/admin/teams").session(session)).andExpect(status().isOk());

		mockMvc.perform(post("/admin/users/{u}/enabled", ann).param("enabled", "false")
			.with(user(admin).roles("ADMIN"))
			.with(csrf())).andExpect(flash().attribute("message", "'" + ann + "' is now disabled."));

		mockMvc.perform(get("/incidents").session(session)).andExpect(redirectedUrl("/login?disabled"));
		mockMvc.perform(formLogin("/login").user(ann).password(PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		assertThat(audit("user.disable", ann, "before::text")).contains("\"enabled\": true");
		assertThat(audit("user.disable", ann, "after::text")).contains("\"enabled\": false");
	}

	@Test
	void shouldChangeRoleAndResetPasswordWithAudit() throws Exception {
		String admin = newUser(Role.ADMIN);
		String ann = newUser(Role.ANALYST);

		mockMvc.perform(post("/admin/users/{u}/role", ann).param("role", "lead")
			.with(user(admin).roles("ADMIN"))
			.with(csrf())).andExpect(flash().attribute("message", "'" + ann + "' is now lead."));
		MvcResult reset = mockMvc.perform(post("/admin/users/{u}/password", ann).param("password", "")
			.with(user(admin).roles("ADMIN"))
			.with(csrf())).andReturn();

		String generated = (String) reset.getFlashMap().get("generatedPassword");
		assertThat(generated).hasSize(24);
		mockMvc.perform(formLogin("/login").user(ann).password(PASSWORD)).andExpect(unauthenticated());
		mockMvc.perform(formLogin("/login").user(ann).password(generated))
			.andExpect(authenticated().withUsername(ann).withRoles("LEAD"));
		assertThat(audit("user.role", ann, "before::text")).contains("\"role\": \"analyst\"");
		assertThat(audit("user.role", ann, "after::text")).contains("\"role\": \"lead\"");
		assertThat(audit("user.password_reset", ann, "after::text")).contains("generated").doesNotContain(generated);
	}

	@Test
	void shouldNotLetAnAdminDisableOrDemoteThemself() throws Exception {
		String admin = newUser(Role.ADMIN);

		mockMvc.perform(post("/admin/users/{u}/enabled", admin).param("enabled", "false")
			.with(user(admin).roles("ADMIN"))
			.with(csrf())).andExpect(flash().attribute("error", "You cannot disable your own account; ask another admin."));
		mockMvc.perform(post("/admin/users/{u}/role", admin).param("role", "analyst")
			.with(user(admin).roles("ADMIN"))
			.with(csrf()))
			.andExpect(flash().attribute("error", "You cannot take the admin role from yourself; ask another admin."));

		assertThat(jdbc.sql("SELECT role || ' ' || enabled FROM users WHERE username = ?")
			.param(admin)
			.query(String.class)
			.single()).isEqualTo("admin true");
	}

	@Test
	void shouldLockAUsernameForAWhileAfterTenWrongPasswords() throws Exception {
		String ann = newUser(Role.ANALYST);
		for (int i = 0; i < 10; i++) {
			mockMvc.perform(formLogin("/login").user(ann).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
		}

		mockMvc.perform(formLogin("/login").user(ann).password(PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked"));
	}

	@Test
	void shouldChangeOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		String ann = newUser(Role.ANALYST);

		mockMvc.perform(post("/account/password").param("currentPassword", "not-it")
			.param("newPassword", "a-brand-new-password")
			.param("confirmPassword", "a-brand-new-password")
			.with(user(ann).roles("ANALYST"))
			.with(csrf())).andExpect(flash().attribute("error", "The current password is wrong; nothing was changed."));
		mockMvc.perform(formLogin("/login").user(ann).password(PASSWORD)).andExpect(authenticated());

		mockMvc.perform(post("/account/password").param("currentPassword", PASSWORD)
			.param("newPassword", "a-brand-new-password")
			.param("confirmPassword", "a-brand-new-password")
			.with(user(ann).roles("ANALYST"))
			.with(csrf())).andExpect(flash().attribute("message", "Your password has been changed."));
		mockMvc.perform(formLogin("/login").user(ann).password("a-brand-new-password")).andExpect(authenticated());
		assertThat(audit("account.password", ann, "actor")).isEqualTo(ann);
	}

	@Test
	void shouldLetALeadManageTeamsWithAuditButNotAnAnalyst() throws Exception {
		String lead = newUser(Role.LEAD);
		String ann = newUser(Role.ANALYST);
		String team = "it team " + UUID.randomUUID().toString().substring(0, 8);

		mockMvc.perform(post("/admin/teams").param("name", "other " + team)
			.with(user(ann).roles("ANALYST"))
			.with(csrf())).andExpect(status().isForbidden());
		mockMvc.perform(post("/admin/teams").param("name", team)
			.param("email", "soc@example.org")
			.with(user(lead).roles("LEAD"))
			.with(csrf())).andExpect(flash().attribute("message", "Created team '" + team + "'."));
		mockMvc.perform(post("/admin/teams/{t}/members", team).param("username", ann)
			.with(user(lead).roles("LEAD"))
			.with(csrf())).andExpect(redirectedUrl("/admin/teams"));

		assertThat(jdbc.sql("SELECT count(*) FROM teams WHERE name = ?").param("other " + team).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT username FROM team_members WHERE team = ?").param(team).query(String.class).list())
			.containsExactly(ann);
		assertThat(audit("team.member.add", ann, "actor")).isEqualTo(lead);

		mockMvc.perform(post("/admin/teams/{t}/members/{u}/delete", team, ann)
			.with(user(lead).roles("LEAD"))
			.with(csrf())).andExpect(redirectedUrl("/admin/teams"));
		mockMvc.perform(post("/admin/teams/{t}/delete", team).with(user(lead).roles("LEAD")).with(csrf()))
			.andExpect(flash().attribute("message", "Deleted team '" + team + "'."));

		assertThat(jdbc.sql("SELECT count(*) FROM teams WHERE name = ?").param(team).query(Long.class).single()).isZero();
		assertThat(audit("team.member.remove", ann, "actor")).isEqualTo(lead);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'team.delete' AND before->>'name' = ?")
			.param(team)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
