package io.iterdef.web.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_tokens table; only SHA-256 hashes of the secrets are stored. */
@Repository
class ApiTokenRepository {

	/** A token as the account page shows it (never the secret or its hash). */
	record Token(long id, String username, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
			Instant revokedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
		}

	}

	/** What a valid token authenticates as. */
	record TokenUser(long tokenId, String tokenName, String username, String role) {
	}

	private static final String COLUMNS = "id, username, name, created_at, last_used_at, expires_at, revoked_at";

	private static final RowMapper<Token> TOKEN = (rs, n) -> new Token(rs.getLong("id"), rs.getString("username"),
			rs.getString("name"), instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
			instant(rs, "revoked_at"));

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String username, String name, String tokenHash, Instant expiresAt) {
		return jdbc.sql("INSERT INTO api_tokens (username, name, token_hash, expires_at) VALUES (?, ?, ?, ?) RETURNING id")
			.params(username, name, tokenHash, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	List<Token> findByUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE username = ? ORDER BY created_at DESC, id DESC")
			.param(username)
			.query(TOKEN)
			.list();
	}

	List<Token> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at DESC, id DESC LIMIT 1000")
			.query(TOKEN)
			.list();
	}

	Optional<Token> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?").param(id).query(TOKEN).optional();
	}

	boolean revoke(long id, String by) {
		return jdbc.sql("UPDATE api_tokens SET revoked_at = now(), revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(by, id)
			.update() == 1;
	}

	/**
	 * The user of an active token with this hash: not revoked, not expired, its user enabled. Marks it used
	 * (at most once a minute, to spare writes).
	 */
	Optional<TokenUser> findActive(String tokenHash) {
		Optional<TokenUser> user = jdbc.sql("""
				SELECT t.id, t.name, u.username, u.role
				  FROM api_tokens t JOIN users u ON u.username = t.username
				 WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
				   AND u.enabled""")
			.param(tokenHash)
			.query((rs, n) -> new TokenUser(rs.getLong("id"), rs.getString("name"), rs.getString("username"),
					rs.getString("role")))
			.optional();
		user.ifPresent(u -> jdbc.sql("UPDATE api_tokens SET last_used_at = now() WHERE id = ? "
				+ "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')").param(u.tokenId()).update());
		return user;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
