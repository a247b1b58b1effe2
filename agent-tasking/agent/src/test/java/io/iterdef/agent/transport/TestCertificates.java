package io.iterdef.agent.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Self-signed test certificates made by the JDK's keytool (no extra dependency). */
public final class TestCertificates {

	public static final char[] PASSWORD = "changeit".toCharArray();

	private TestCertificates() {
	}

	/** A PKCS12 key store with one EC key pair and a self-signed certificate for localhost/127.0.0.1. */
	public static KeyStore generate(Path dir, String name) throws IOException, InterruptedException,
			GeneralSecurityException {
		return generate(dir, name, "dns:localhost,ip:127.0.0.1");
	}

	/** As above, with the given subject alternative names (e.g. "dns:elsewhere.example"). */
	public static KeyStore generate(Path dir, String name, String subjectAltNames) throws IOException,
			InterruptedException, GeneralSecurityException {
		Path file = dir.resolve(name + ".p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-storetype", "PKCS12",
				"-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD),
				"-ext", "SAN=" + subjectAltNames)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD);
		}
		return store;
	}

	public static X509Certificate certificate(KeyStore store) throws GeneralSecurityException {
		return (X509Certificate) store.getCertificate("server");
	}

	/** A server-side TLS context presenting the store's certificate. */
	public static SSLContext serverContext(KeyStore store) throws GeneralSecurityException {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

}
