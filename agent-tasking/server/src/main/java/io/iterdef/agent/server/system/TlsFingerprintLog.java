package io.iterdef.agent.server.system;

import java.nio.file.Path;
import java.security.cert.X509Certificate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Logs the server certificate's SHA-256 at start: the fingerprint agents are given to pin. */
@Component
class TlsFingerprintLog {

	private static final Logger log = LoggerFactory.getLogger(TlsFingerprintLog.class);

	private final Environment env;

	TlsFingerprintLog(Environment env) {
		this.env = env;
	}

	@EventListener(ApplicationReadyEvent.class)
	void logFingerprint() {
		String location = env.getProperty("server.ssl.key-store", "");
		Path keyStore = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
		X509Certificate certificate = ServerCertificates.certificate(keyStore,
				env.getProperty("server.ssl.key-store-password", ""),
				env.getProperty("server.ssl.key-alias", ServerCertificates.ALIAS));
		log.info("Agent API certificate SHA-256 fingerprint (give it to agents to pin): {} (key store {})",
				ServerCertificates.fingerprint(certificate), keyStore);
	}

}
