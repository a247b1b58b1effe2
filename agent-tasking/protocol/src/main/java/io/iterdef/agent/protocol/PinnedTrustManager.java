package io.iterdef.agent.protocol;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint (of its DER encoding) the agent was
 * configured with. The server generates its own CA and certificate at first start, so no public CA vouches for
 * it and the agent pins it instead.
 * <p>
 * Host name verification is deliberately not done: agents often reach the server by an address or a name the
 * generated certificate does not carry, and the pin is stronger than a name check (it accepts one certificate,
 * not any certificate for a name). Implementing {@link X509ExtendedTrustManager} is what stops JSSE from adding
 * its own endpoint identification on top. A server that changes its certificate must give agents the new
 * fingerprint.
 * <p>
 * The agent and the launcher ({@code ./iterdef}: its readiness check and its admin API client) both trust the agent
 * server through it.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

	private final String fingerprint;

	/** @param sha256Hex the leaf certificate's SHA-256, lower-case hex without colons */
	public PinnedTrustManager(String sha256Hex) {
		this.fingerprint = sha256Hex;
	}

	/** An SSL context that trusts only the pinned certificate. */
	public static SSLContext sslContext(String sha256Hex) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new TrustManager[] { new PinnedTrustManager(sha256Hex) }, null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot create the TLS context: " + ex.getMessage(), ex);
		}
	}

	public static String fingerprintOf(X509Certificate certificate) throws CertificateEncodingException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		if (chain == null || chain.length == 0) {
			throw new CertificateException("the server sent no certificate");
		}
		chain[0].checkValidity();
		String actual = fingerprintOf(chain[0]);
		if (!MessageDigest.isEqual(actual.getBytes(), fingerprint.getBytes())) {
			throw new CertificateException("the server certificate's SHA-256 fingerprint is " + actual
					+ ", not the configured server.fingerprint " + fingerprint
					+ ": check that the agent talks to the right server, or update server.fingerprint");
		}
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("the agent does not accept client connections");
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return new X509Certificate[0];
	}

}
