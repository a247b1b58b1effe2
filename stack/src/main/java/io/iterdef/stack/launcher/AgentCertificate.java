package io.iterdef.stack.launcher;

import io.iterdef.agent.protocol.PinnedTrustManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * The agent API's server certificate as agents pin it: the SHA-256 of its DER encoding, read from the key store the
 * agent server uses (the one it generated into data/agent-server/, or ITERDEF_AGENT_TLS_KEYSTORE).
 */
final class AgentCertificate {

    private AgentCertificate() {
    }

    /** The fingerprint, 64 lower-case hex digits; fails while the key store is not there (the server creates it). */
    static String fingerprint(AgentSettings agent, Path dataDir) throws IOException {
        Path keyStore = agent.generatedTls()
                ? agent.serverDir(dataDir).resolve(AgentSettings.GENERATED_KEY_STORE) : agent.keyStore();
        String password = agent.generatedTls()
                ? Files.readString(agent.serverDir(dataDir).resolve(AgentSettings.GENERATED_PASSWORD_FILE),
                        StandardCharsets.UTF_8).strip()
                : agent.keyStorePassword();
        return fingerprint(keyStore, password, agent.keyAlias());
    }

    static String fingerprint(Path keyStore, String password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            Certificate certificate = store.getCertificate(alias);
            if (!(certificate instanceof X509Certificate x509)) {
                throw new IOException("no certificate under the alias '" + alias + "' in " + keyStore
                        + " (set ITERDEF_AGENT_TLS_KEY_ALIAS to the alias of the server's key)");
            }
            return PinnedTrustManager.fingerprintOf(x509);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the agent server's key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** The fingerprint as 32 colon-separated pairs of upper-case hex digits, easier to compare by eye. */
    static String display(String fingerprint) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(fingerprint, i, Math.min(i + 2, fingerprint.length()));
        }
        return b.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
