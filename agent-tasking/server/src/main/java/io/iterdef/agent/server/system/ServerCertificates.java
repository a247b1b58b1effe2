package io.iterdef.agent.server.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The agent API's TLS identity when none is configured: a CA (ca.p12, ca.crt) and a server certificate signed by
 * it (server.p12 with the chain, its random password in server.p12.password), generated once into the data
 * directory with owner-only permissions and reused afterwards. Agents pin the server certificate's SHA-256.
 */
public final class ServerCertificates {

	public static final String ALIAS = "server";

	static final String KEY_STORE = "server.p12";

	static final String PASSWORD_FILE = "server.p12.password";

	private static final Duration VALIDITY = Duration.ofDays(3650);

	/** The key store in use and its password. */
	public record Generated(Path keyStore, String password) {
	}

	private ServerCertificates() {
	}

	/** The generated key store under {@code dir}, created on first use. */
	static synchronized Generated ensure(Path dir, List<String> names) {
		Path keyStore = dir.resolve(KEY_STORE);
		Path passwordFile = dir.resolve(PASSWORD_FILE);
		try {
			if (Files.isRegularFile(keyStore) && Files.isRegularFile(passwordFile)) {
				return new Generated(keyStore, Files.readString(passwordFile, StandardCharsets.UTF_8).strip());
			}
			Files.createDirectories(dir);
			ownerOnly(dir, true);
			String password = randomPassword();
			generate(dir, names, password);
			return new Generated(keyStore, password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the agent server's TLS key store in " + dir
					+ " (make it writable, or set ITERDEF_AGENT_TLS_KEYSTORE to an existing PKCS12 key store)", ex);
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("cannot generate the agent server's certificate: " + ex.getMessage(), ex);
		}
	}

	/** localhost, 127.0.0.1, ::1, this host's name, and the comma-separated extra names (DNS names or IPs). */
	static List<String> names(String extra) {
		Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
		try {
			names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
		}
		catch (UnknownHostException ex) {
			// no name of its own: the loopback names still work
		}
		for (String name : extra.split(",")) {
			if (!name.isBlank()) {
				names.add(name.strip().toLowerCase(Locale.ROOT));
			}
		}
		return new ArrayList<>(names);
	}

	/** SHA-256 of the certificate's DER encoding, 64 lower-case hex digits (what agents pin). */
	public static String fingerprint(X509Certificate certificate) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The certificate under {@code alias} in a PKCS12 key store. */
	public static X509Certificate certificate(Path keyStore, String password, String alias) {
		try (InputStream in = Files.newInputStream(keyStore)) {
			KeyStore ks = KeyStore.getInstance("PKCS12");
			ks.load(in, password.toCharArray());
			Certificate certificate = ks.getCertificate(alias);
			if (!(certificate instanceof X509Certificate x509)) {
				throw new IllegalStateException("no certificate under alias " + alias + " in " + keyStore);
			}
			return x509;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the key store " + keyStore, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot read the key store " + keyStore + ": " + ex.getMessage(), ex);
		}
	}

	private static void generate(Path dir, List<String> names, String password)
			throws GeneralSecurityException, OperatorCreationException, IOException {
		KeyPair caKeys = keyPair();
		X500Name caName = new X500Name("CN=Iterdef agent CA");
		Instant now = Instant.now();
		JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
		X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
				Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic());
		ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
		ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		ca.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(caKeys.getPublic()));
		X509Certificate caCertificate = sign(ca, caKeys);

		KeyPair serverKeys = keyPair();
		X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCertificate, serial(),
				Date.from(now.minusSeconds(60)), Date.from(now.plus(VALIDITY)),
				new X500Name("CN=Iterdef agent server"), serverKeys.getPublic());
		server.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		server.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		server.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		server.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names));
		server.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCertificate));
		server.addExtension(Extension.subjectKeyIdentifier, false,
				utils.createSubjectKeyIdentifier(serverKeys.getPublic()));
		X509Certificate serverCertificate = sign(server, caKeys);

		KeyStore caStore = KeyStore.getInstance("PKCS12");
		caStore.load(null, null);
		caStore.setKeyEntry("ca", caKeys.getPrivate(), password.toCharArray(), new Certificate[] { caCertificate });
		write(dir.resolve("ca.p12"), caStore, password);
		writeText(dir.resolve("ca.crt"), pem(caCertificate));

		KeyStore serverStore = KeyStore.getInstance("PKCS12");
		serverStore.load(null, null);
		serverStore.setKeyEntry(ALIAS, serverKeys.getPrivate(), password.toCharArray(),
				new Certificate[] { serverCertificate, caCertificate });
		writeText(dir.resolve(PASSWORD_FILE), password);
		// The key store last: its presence (with the password file) means generation completed.
		write(dir.resolve(KEY_STORE), serverStore, password);
	}

	private static GeneralNames subjectAlternativeNames(List<String> names) {
		List<GeneralName> out = new ArrayList<>();
		for (String name : names) {
			boolean ip = name.matches("[0-9.]+") || name.contains(":");
			out.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
		}
		return new GeneralNames(out.toArray(GeneralName[]::new));
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
	}

	private static KeyPair keyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private static BigInteger serial() {
		return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String pem(X509Certificate certificate) throws IOException {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
			writer.writeObject(certificate);
		}
		return out.toString();
	}

	private static void write(Path file, KeyStore store, String password) throws IOException, GeneralSecurityException {
		Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		ownerOnly(tmp, false);
		try (OutputStream out = Files.newOutputStream(tmp)) {
			store.store(out, password.toCharArray());
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void writeText(Path file, String text) throws IOException {
		Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		ownerOnly(tmp, false);
		Files.writeString(tmp, text, StandardCharsets.UTF_8);
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void ownerOnly(Path path, boolean directory) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
		}
	}

}
