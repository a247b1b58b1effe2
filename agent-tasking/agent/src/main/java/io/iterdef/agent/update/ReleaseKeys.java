package io.iterdef.agent.update;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 release signatures of agent update packages. The release key signs the statement
 * {@code "iterdef-agent-update\nversion=<version>\nsha256=<hex>\n"}, so a signature vouches for these bytes under
 * this version name. The agent verifies with the public key of its own configuration ({@code update.public.key}),
 * never with anything the server sends: a compromised server cannot make an agent run its code.
 */
public final class ReleaseKeys {

	static final String ALGORITHM = "Ed25519";

	private ReleaseKeys() {
	}

	static byte[] statement(String version, String sha256) {
		return ("iterdef-agent-update\nversion=" + version + "\nsha256=" + sha256 + "\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] sign(PrivateKey key, String version, String sha256) throws GeneralSecurityException {
		Signature signature = Signature.getInstance(ALGORITHM);
		signature.initSign(key);
		signature.update(statement(version, sha256));
		return signature.sign();
	}

	/** True only when {@code signature} is the release key's signature of this version and SHA-256. */
	static boolean verifies(PublicKey key, String version, String sha256, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(key);
			verifier.update(statement(version, sha256));
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false; // malformed signature or key: it does not verify
		}
	}

	/** The public key of {@code update.public.key}: base64 of its X.509 encoding (as ReleaseSigner keygen prints). */
	public static PublicKey publicKey(String base64) {
		try {
			return KeyFactory.getInstance(ALGORITHM)
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key (make one with ReleaseSigner keygen): "
					+ ex.getMessage(), ex);
		}
	}

	static PrivateKey privateKey(String base64) throws GeneralSecurityException {
		return KeyFactory.getInstance(ALGORITHM)
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

}
