package io.iterdef.agent.transport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iterdef.agent.protocol.PinnedTrustManager;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedTrustManagerTest {

	private static X509Certificate pinned;

	private static X509Certificate other;

	@BeforeAll
	static void certificates(@TempDir Path dir) throws Exception {
		KeyStore one = TestCertificates.generate(dir, "pinned");
		KeyStore two = TestCertificates.generate(dir, "other");
		pinned = TestCertificates.certificate(one);
		other = TestCertificates.certificate(two);
	}

	@Test
	void shouldAcceptTheCertificateWhenItsFingerprintIsPinned() throws Exception {
		PinnedTrustManager trust = new PinnedTrustManager(PinnedTrustManager.fingerprintOf(pinned));

		assertThatCode(() -> trust.checkServerTrusted(new X509Certificate[] { pinned }, "ECDHE_ECDSA"))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAnotherCertificateWhenItsFingerprintDiffers() throws Exception {
		PinnedTrustManager trust = new PinnedTrustManager(PinnedTrustManager.fingerprintOf(pinned));

		assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] { other }, "ECDHE_ECDSA"))
			.isInstanceOf(CertificateException.class)
			.hasMessageContaining("not the configured server.fingerprint");
	}

	@Test
	void shouldRefuseWhenThePinnedCertificateComesSecondInTheChain() throws Exception {
		PinnedTrustManager trust = new PinnedTrustManager(PinnedTrustManager.fingerprintOf(pinned));

		assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] { other, pinned }, "ECDHE_ECDSA"))
			.isInstanceOf(CertificateException.class);
		assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
			.isInstanceOf(CertificateException.class);
	}

	@Test
	void shouldNeverTrustClients() throws Exception {
		PinnedTrustManager trust = new PinnedTrustManager(PinnedTrustManager.fingerprintOf(pinned));

		assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] { pinned }, "ECDHE_ECDSA"))
			.isInstanceOf(CertificateException.class);
	}

}
