package io.iterdef.web.user;

import io.iterdef.web.audit.AuditLog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class UserServiceTest {

	private final UserRepository repository = mock(UserRepository.class);

	private final AuditLog audit = mock(AuditLog.class);

	private final UserService users = new UserService(repository, new BCryptPasswordEncoder(4), audit);

	private static UserRepository.User user(String name, Role role, boolean enabled) {
		return new UserRepository.User(name, null, null, role, enabled, Instant.EPOCH);
	}

	@Test
	void shouldListEveryProblemOfTheFormAtOnce() {
		assertThatThrownBy(() -> users.create("ada", new UserService.UserForm("has space", "", "nope", "boss", "short")))
			.isInstanceOf(UserAdminException.class)
			.hasMessageContaining("The username must be")
			.hasMessageContaining("'nope' does not look like")
			.hasMessageContaining("Choose a role")
			.hasMessageContaining("at least 12 characters");
		verifyNoInteractions(audit);
	}

	@Test
	void shouldSayWhenTheUsernameIsTaken() {
		given(repository.insert(anyString(), any(), any(), any(), anyString())).willReturn(false);

		assertThatThrownBy(() -> users.create("ada", new UserService.UserForm("bob", "", "", "analyst", "")))
			.hasMessage("A user named 'bob' already exists; choose another username.");
	}

	@Test
	void shouldAuditCreationWithoutPasswordOrHash() {
		given(repository.insert(anyString(), any(), any(), any(), anyString())).willReturn(true);

		UserService.PasswordResult result = users.create("ada",
				new UserService.UserForm("bob", "Bob", "bob@example.org", "lead", ""));

		assertThat(result.generatedPassword()).hasSize(24);
		@SuppressWarnings("unchecked")
		org.mockito.ArgumentCaptor<Map<String, Object>> after = org.mockito.ArgumentCaptor.forClass(Map.class);
		verify(audit).append(eq("ada"), isNull(), eq("user.create"), isNull(), after.capture());
		assertThat(after.getValue()).containsEntry("username", "bob")
			.containsEntry("role", "lead")
			.containsEntry("password", "generated");
		assertThat(after.getValue().toString()).doesNotContain(result.generatedPassword()).doesNotContain("$2");
	}

	@Test
	void shouldRefuseToDemoteOrDisableTheLastEnabledAdmin() {
		given(repository.findForUpdate("root")).willReturn(Optional.of(user("root", Role.ADMIN, true)));
		given(repository.lockEnabledAdmins()).willReturn(List.of("root"));

		assertThatThrownBy(() -> users.changeRole("ada", "root", "lead"))
			.hasMessage("'root' is the last enabled admin: you cannot demote them. Make another user admin first.");
		assertThatThrownBy(() -> users.setEnabled("ada", "root", false))
			.hasMessageContaining("last enabled admin: you cannot disable them");
		verify(repository, never()).updateRole(anyString(), any());
		verify(repository, never()).updateEnabled(anyString(), anyBoolean());
	}

	@Test
	void shouldRefuseToDemoteOrDisableYourself() {
		given(repository.findForUpdate("ada")).willReturn(Optional.of(user("ada", Role.ADMIN, true)));
		given(repository.lockEnabledAdmins()).willReturn(List.of("ada", "root"));

		assertThatThrownBy(() -> users.changeRole("ada", "ada", "analyst"))
			.hasMessage("You cannot take the admin role from yourself; ask another admin.");
		assertThatThrownBy(() -> users.setEnabled("ada", "ada", false))
			.hasMessage("You cannot disable your own account; ask another admin.");
	}

	@Test
	void shouldDemoteAnAdminWhenAnotherIsLeftAndAuditBeforeAndAfter() {
		given(repository.findForUpdate("root")).willReturn(Optional.of(user("root", Role.ADMIN, true)));
		given(repository.lockEnabledAdmins()).willReturn(List.of("ada", "root"));

		users.changeRole("ada", "root", "lead");

		verify(repository).updateRole("root", Role.LEAD);
		verify(audit).append("ada", null, "user.role", Map.of("username", "root", "role", "admin"),
				Map.of("username", "root", "role", "lead"));
	}

	@Test
	void shouldKeepThePasswordWhenTheCurrentOneIsWrong() {
		String hash = new BCryptPasswordEncoder(4).encode("the-current-one");
		given(repository.findByUsername("ann"))
			.willReturn(Optional.of(new UserRepository.UserRow("ann", hash, Role.ANALYST, true)));

		assertThatThrownBy(() -> users.changeOwnPassword("ann", "wrong", "a-new-password-1", "a-new-password-1"))
			.hasMessage("The current password is wrong; nothing was changed.");
		assertThatThrownBy(() -> users.changeOwnPassword("ann", "the-current-one", "a-new-password-1", "other"))
			.hasMessage("The new password and its confirmation differ; type them again.");
		verify(repository, never()).updatePassword(anyString(), anyString());
	}

}
