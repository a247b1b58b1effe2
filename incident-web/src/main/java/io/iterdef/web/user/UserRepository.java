package io.iterdef.web.user;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. Passwords are stored as BCrypt hashes only. */
@Repository
class UserRepository {

	record UserRow(String username, String passwordHash, Role role, boolean enabled) {
	}

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

	/** Creates the user only if the table has no user at all; true when created. */
	boolean insertIfNoUsers(String username, String passwordHash, Role role) {
		return jdbc.sql("""
				INSERT INTO users (username, password_hash, role, enabled)
				SELECT ?, ?, ?, true WHERE NOT EXISTS (SELECT 1 FROM users)
				ON CONFLICT (username) DO NOTHING""").params(username, passwordHash, role.dbValue()).update() == 1;
	}

}
