package io.iterdef.web.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.iterdef.web.audit.AuditLog;
import io.iterdef.web.user.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: created by a user for themself (the secret, "itd_" + 32 random bytes in base64url, is shown
 * once; only its SHA-256 is stored), listed, revoked by their owner or an admin; and the look-up the bearer
 * filter uses. Creating and revoking are audited ('token.create', 'token.revoke').
 */
@Service
public class ApiTokens {

	static final String PREFIX = "itd_";

	static final int MAX_EXPIRY_DAYS = 3650;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A token just created: the secret is shown to its owner this once. */
	record Created(long id, String name, String secret, Instant expiresAt) {
	}

	private final ApiTokenRepository tokens;

	private final AuditLog audit;

	ApiTokens(ApiTokenRepository tokens, AuditLog audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	/** The authentication of a valid token (as its user, with the user's role); empty for any other. */
	@Transactional
	public Optional<Authentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		return tokens.findActive(sha256Hex(secret)).map(u -> {
			String authority = Role.fromDb(u.role()).authority();
			UsernamePasswordAuthenticationToken auth = UsernamePasswordAuthenticationToken.authenticated(u.username(),
					null, AuthorityUtils.createAuthorityList(authority));
			auth.setDetails(Map.of("token", u.tokenName(), "tokenId", u.tokenId()));
			return auth;
		});
	}

	@Transactional
	Created create(String username, String rawName, Integer expiresInDays) {
		String name = rawName == null ? "" : rawName.strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new TokenException("Give the token a name of 1 to 100 characters (e.g. what will use it).");
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
			throw new TokenException("A token expires after 1 to " + MAX_EXPIRY_DAYS
					+ " days; leave the field empty for a token that does not expire.");
		}
		Instant expiresAt = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
		String secret = newSecret();
		long id = tokens.insert(username, name, sha256Hex(secret), expiresAt);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("id", id);
		after.put("username", username);
		after.put("name", name);
		after.put("expires_at", expiresAt == null ? null : expiresAt.toString());
		audit.append(username, null, "token.create", null, after);
		return new Created(id, name, secret, expiresAt);
	}

	@Transactional(readOnly = true)
	List<ApiTokenRepository.Token> list(String username, boolean all) {
		return all ? tokens.findAll() : tokens.findByUsername(username);
	}

	/** Revokes a token of the actor's own, or anyone's when the actor is an admin. */
	@Transactional
	ApiTokenRepository.Token revoke(long id, String actor, boolean admin) {
		ApiTokenRepository.Token token = tokens.find(id)
			.filter(t -> admin || t.username().equals(actor))
			.orElseThrow(() -> new TokenException("You have no token " + id + "."));
		if (!tokens.revoke(id, actor)) {
			throw new TokenException("Token '" + token.name() + "' was already revoked.");
		}
		audit.append(actor, null, "token.revoke", Map.of("id", id, "username", token.username(), "name", token.name()),
				Map.of("id", id, "revoked", true));
		return token;
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256Hex(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** A token change that was refused, with a message for the user. */
	static class TokenException extends RuntimeException {

		TokenException(String message) {
			super(message);
		}

	}

}
