package io.iterdef.agent.server.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random credentials, their stored form (SHA-256, hex) and constant-time comparison of shared secrets. */
public final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** 32 random bytes, URL-safe base64: a credential shown once to its holder. */
	public static String newCredential() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The stored form of a credential: SHA-256 of its UTF-8 bytes, 64 lower-case hex digits. */
	public static String hash(String credential) {
		return HexFormat.of().formatHex(sha256(credential));
	}

	/** Whether {@code given} equals {@code expected}, in time independent of where they differ; false when either is empty. */
	public static boolean matches(String given, String expected) {
		if (given == null || expected == null || given.isEmpty() || expected.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(sha256(given), sha256(expected));
	}

	/** The token of an {@code Authorization: Bearer <token>} header, or null. */
	public static String bearer(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
