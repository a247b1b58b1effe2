package io.iterdef.web.user;

import io.iterdef.web.audit.AuditLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing users (admins) and one's own password. Every change writes an audit_log row in the same
 * transaction ('user.create', 'user.role', 'user.enable', 'user.disable', 'user.password_reset',
 * 'account.password'); hashes never go into the log. An admin cannot disable or demote themself, and the
 * last enabled admin cannot be disabled or demoted.
 */
@Service
class UserService {

	static final int MIN_PASSWORD_LENGTH = 12;

	static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A user just created or given a new password; the password is shown once when it was generated. */
	record PasswordResult(String username, String generatedPassword) {
	}

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	UserService(UserRepository users, PasswordEncoder passwordEncoder, AuditLog audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<UserRepository.User> all() {
		return users.findAll();
	}

	@Transactional(readOnly = true)
	Optional<UserRepository.User> find(String username) {
		return users.find(username);
	}

	@Transactional
	PasswordResult create(String actor, UserForm form) {
		List<String> problems = new ArrayList<>();
		String username = form.username() == null ? "" : form.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			problems.add("The username must be 1 to 100 letters, digits or . _ @ - (no spaces).");
		}
		String email = blankToNull(form.email());
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add("The e-mail address '" + email + "' does not look like name@example.org.");
		}
		Role role = Role.parse(form.role()).orElse(null);
		if (role == null) {
			problems.add("Choose a role: analyst, lead or admin.");
		}
		String password = emptyToNull(form.password());
		boolean generated = password == null;
		if (!generated && password.length() < MIN_PASSWORD_LENGTH) {
			problems.add("The password must have at least " + MIN_PASSWORD_LENGTH
					+ " characters (or leave it empty to generate one).");
		}
		if (!problems.isEmpty()) {
			throw new UserAdminException(String.join(" ", problems));
		}
		String initial = generated ? AdminBootstrap.randomPassword() : password;
		String displayName = blankToNull(form.displayName());
		if (!users.insert(username, displayName, email, role, passwordEncoder.encode(initial))) {
			throw new UserAdminException("A user named '" + username + "' already exists; choose another username.");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("username", username);
		after.put("display_name", displayName);
		after.put("email", email);
		after.put("role", role.dbValue());
		after.put("enabled", true);
		after.put("password", generated ? "generated" : "set by " + actor);
		audit.append(actor, null, "user.create", null, after);
		return new PasswordResult(username, generated ? initial : null);
	}

	@Transactional
	void changeRole(String actor, String username, String roleValue) {
		Role role = Role.parse(roleValue)
			.orElseThrow(() -> new UserAdminException("Choose a role: analyst, lead or admin."));
		UserRepository.User user = existing(username);
		if (user.role() == role) {
			return;
		}
		if (user.role() == Role.ADMIN) {
			if (user.username().equals(actor)) {
				throw new UserAdminException("You cannot take the admin role from yourself; ask another admin.");
			}
			requireAnotherAdmin(user, "demote");
		}
		users.updateRole(user.username(), role);
		audit.append(actor, null, "user.role", Map.of("username", user.username(), "role", user.role().dbValue()),
				Map.of("username", user.username(), "role", role.dbValue()));
	}

	@Transactional
	void setEnabled(String actor, String username, boolean enabled) {
		UserRepository.User user = existing(username);
		if (user.enabled() == enabled) {
			return;
		}
		if (!enabled) {
			if (user.username().equals(actor)) {
				throw new UserAdminException("You cannot disable your own account; ask another admin.");
			}
			if (user.role() == Role.ADMIN) {
				requireAnotherAdmin(user, "disable");
			}
		}
		users.updateEnabled(user.username(), enabled);
		audit.append(actor, null, enabled ? "user.enable" : "user.disable",
				Map.of("username", user.username(), "enabled", user.enabled()),
				Map.of("username", user.username(), "enabled", enabled));
	}

	/** Sets a new password (generated when blank), e.g. for a user who forgot theirs. */
	@Transactional
	PasswordResult resetPassword(String actor, String username, String newPassword) {
		UserRepository.User user = existing(username);
		String password = emptyToNull(newPassword);
		if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
			throw new UserAdminException("The password must have at least " + MIN_PASSWORD_LENGTH
					+ " characters (or leave it empty to generate one).");
		}
		String value = password == null ? AdminBootstrap.randomPassword() : password;
		users.updatePassword(user.username(), passwordEncoder.encode(value));
		audit.append(actor, null, "user.password_reset", null,
				Map.of("username", user.username(), "password", password == null ? "generated" : "set by " + actor));
		return new PasswordResult(user.username(), password == null ? value : null);
	}

	/** A user changes their own password; the current one must be given. */
	@Transactional
	void changeOwnPassword(String username, String current, String newPassword, String confirmation) {
		UserRepository.UserRow row = users.findByUsername(username)
			.orElseThrow(() -> new UserAdminException("Your account no longer exists; ask an admin."));
		if (current == null || !passwordEncoder.matches(current, row.passwordHash())) {
			throw new UserAdminException("The current password is wrong; nothing was changed.");
		}
		if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
			throw new UserAdminException("The new password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
		}
		if (!newPassword.equals(confirmation)) {
			throw new UserAdminException("The new password and its confirmation differ; type them again.");
		}
		users.updatePassword(username, passwordEncoder.encode(newPassword));
		audit.append(username, null, "account.password", null, Map.of("username", username));
	}

	private UserRepository.User existing(String username) {
		return users.findForUpdate(username)
			.orElseThrow(() -> new UserAdminException("There is no user named '" + username + "'."));
	}

	private void requireAnotherAdmin(UserRepository.User admin, String verb) {
		List<String> admins = users.lockEnabledAdmins();
		if (admin.enabled() && admins.size() <= 1) {
			throw new UserAdminException("'" + admin.username() + "' is the last enabled admin: you cannot " + verb
					+ " them. Make another user admin first.");
		}
	}

	/** Passwords are taken as typed (spaces count); only an empty one means "generate". */
	private static String emptyToNull(String password) {
		return password == null || password.isEmpty() ? null : password;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** The create-user form. */
	record UserForm(String username, String displayName, String email, String role, String password) {
	}

}
