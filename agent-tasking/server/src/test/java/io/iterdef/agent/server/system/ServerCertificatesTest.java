package io.iterdef.agent.server.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCertificatesTest {

	@TempDir
	Path dir;

	@Test
	void shouldGenerateACaAndAServerCertificateSignedByItOnceWithOwnerOnlyFiles() throws Exception {
		Path agentDir = dir.resolve("agent-server");
		ServerCertificates.Generated generated = ServerCertificates.ensure(agentDir,
				List.of("localhost", "127.0.0.1", "::1", "agents.example.org"));

		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(generated.keyStore())) {
			store.load(in, generated.password().toCharArray());
		}
		Certificate[] chain = store.getCertificateChain(ServerCertificates.ALIAS);
		assertThat(chain).hasSize(2);
		X509Certificate server = (X509Certificate) chain[0];
		X509Certificate ca = (X509Certificate) chain[1];
		server.verify(ca.getPublicKey());
		ca.verify(ca.getPublicKey());
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(server.getBasicConstraints()).isEqualTo(-1);
		assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
		assertThat(server.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
			.contains("localhost", "127.0.0.1", "agents.example.org");
		assertThat(Files.readString(agentDir.resolve("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
		for (String file : List.of("server.p12", "server.p12.password", "ca.p12", "ca.crt")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agentDir.resolve(file))))
				.as(file).isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agentDir))).isEqualTo("rwx------");

		String fingerprint = ServerCertificates.fingerprint(
				ServerCertificates.certificate(generated.keyStore(), generated.password(), ServerCertificates.ALIAS));
		assertThat(fingerprint).matches("[0-9a-f]{64}");
		ServerCertificates.Generated again = ServerCertificates.ensure(agentDir, List.of("localhost"));
		assertThat(again).isEqualTo(generated);
		assertThat(ServerCertificates.fingerprint(
				ServerCertificates.certificate(again.keyStore(), again.password(), ServerCertificates.ALIAS)))
			.isEqualTo(fingerprint);
	}

	@Test
	void shouldAddTheExtraNamesToTheDefaults() {
		assertThat(ServerCertificates.names(" Agents.Example.org ,10.0.0.5,"))
			.contains("localhost", "127.0.0.1", "::1", "agents.example.org", "10.0.0.5");
	}

}
