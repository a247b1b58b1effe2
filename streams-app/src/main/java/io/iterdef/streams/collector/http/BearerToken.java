package io.iterdef.streams.collector.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Checks {@code Authorization: Bearer <token>} in constant time: both sides are hashed first (so neither the
 * content nor the length of the token leaks through timing) and compared with {@link MessageDigest#isEqual}.
 */
final class BearerToken {
    private static final String SCHEME = "bearer ";
    private final byte[] expected;

    private BearerToken(String token) {
        this.expected = token == null ? null : sha256(token);
    }

    /** A check that lets everything through when {@code token} is null. */
    static BearerToken of(String token) {
        return new BearerToken(token);
    }

    boolean required() {
        return expected != null;
    }

    boolean allows(String authorization) {
        if (expected == null) {
            return true;
        }
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(authorization.substring(SCHEME.length()).trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
