package io.iterdef.web.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Passwords are stored as BCrypt hashes only. */
@Repository
class UserRepository {

	record UserRow(String username, String passwordHash, Role role, boolean enabled) {
	}

	/** A user as the admin pages show it (no hash). */
	record User(String username, String displayName, String email, Role role, boolean enabled, Instant createdAt) {
	}

	private static final RowMapper<User> USER = (rs, n) -> {
		Timestamp created = rs.getTimestamp("created_at");
		return new User(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
				Role.fromDb(rs.getString("role")), rs.getBoolean("enabled"), created == null ? null : created.toInstant());
	};

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserRow> findByUsername(String username) {
		return jdbc.sql("SELECT username, password_hash, role, enabled FROM users WHERE username = ?")
			.param(username)
			.query((rs, n) -> new UserRow(rs.getString("username"), rs.getString("password_hash"),
					Role.fromDb(rs.getString("role")), rs.getBoolean("enabled")))
			.optional();
	}

	Optional<User> find(String username) {
		return jdbc.sql("SELECT username, display_name, email, role, enabled, created_at FROM users WHERE username = ?")
			.param(username)
			.query(USER)
			.optional();
	}

	/** The user's row, locked until the end of the transaction. */
	Optional<User> findForUpdate(String username) {
		return jdbc
			.sql("SELECT username, display_name, email, role, enabled, created_at FROM users WHERE username = ? FOR UPDATE")
			.param(username)
			.query(USER)
			.optional();
	}

	List<User> findAll() {
		return jdbc.sql("SELECT username, display_name, email, role, enabled, created_at FROM users ORDER BY username")
			.query(USER)
			.list();
	}

	/** The enabled admins, locked: two concurrent demotions cannot both see "another admin is left". */
	List<String> lockEnabledAdmins() {
		return jdbc.sql("SELECT username FROM users WHERE role = 'admin' AND enabled ORDER BY username FOR UPDATE")
			.query(String.class)
			.list();
	}

	/** Creates the user; false when the username is taken. */
	boolean insert(String username, String displayName, String email, Role role, String passwordHash) {
		return jdbc.sql("""
				INSERT INTO users (username, display_name, email, role, password_hash, enabled)
				VALUES (?, ?, ?, ?, ?, true)
				ON CONFLICT (username) DO NOTHING""")
			.params(username, displayName, email, role.dbValue(), passwordHash)
			.update() == 1;
	}

	void updateRole(String username, Role role) {
		jdbc.sql("UPDATE users SET role = ? WHERE username = ?").params(role.dbValue(), username).update();
	}

	void updateEnabled(String username, boolean enabled) {
		jdbc.sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled, username).update();
	}

	void updatePassword(String username, String passwordHash) {
		jdbc.sql("UPDATE users SET password_hash = ? WHERE username = ?").params(passwordHash, username).update();
	}

	/** Creates the user only if the table has no user at all; true when created. */
	boolean insertIfNoUsers(String username, String passwordHash, Role role) {
		return jdbc.sql("""
				INSERT INTO users (username, password_hash, role, enabled)
				SELECT ?, ?, ?, true WHERE NOT EXISTS (SELECT 1 FROM users)
				ON CONFLICT (username) DO NOTHING""").params(username, passwordHash, role.dbValue()).update() == 1;
	}

}
