package io.iterdef.stack.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The agent server as the launcher starts it: its HTTPS port and what the environment fixes instead of the generated
 * defaults (admin token, enrollment secret, a key store of one's own).
 *
 * @param adminTokenOverride        ITERDEF_AGENT_ADMIN_TOKEN, or null when a generated one is to be used
 * @param enrollmentSecretOverride  ITERDEF_AGENT_ENROLLMENT_SECRET, or null when a generated one is to be used
 * @param keyStore                  ITERDEF_AGENT_TLS_KEYSTORE, or null when the server generates its certificate
 */
record AgentSettings(int port, String adminTokenOverride, String enrollmentSecretOverride, Path keyStore,
        String keyStorePassword, String keyAlias) {

    /** Where the agent server generates its CA and certificate (under the data dir), as it names them. */
    static final String SERVER_DIR = "agent-server";
    static final String GENERATED_KEY_STORE = "server.p12";
    static final String GENERATED_PASSWORD_FILE = "server.p12.password";
    static final String GENERATED_ALIAS = "server";
    static final String CA_FILE = "ca.crt";

    static AgentSettings from(Map<String, String> env, Path home) {
        String keyStore = blankToNull(env.get("ITERDEF_AGENT_TLS_KEYSTORE"));
        return new AgentSettings(
                LauncherSettings.port(env, "ITERDEF_AGENT_PORT", 8443),
                blankToNull(env.get("ITERDEF_AGENT_ADMIN_TOKEN")),
                blankToNull(env.get("ITERDEF_AGENT_ENROLLMENT_SECRET")),
                keyStore == null ? null : home.resolve(keyStore).toAbsolutePath().normalize(),
                env.getOrDefault("ITERDEF_AGENT_TLS_KEYSTORE_PASSWORD", ""),
                keyStore == null || blankToNull(env.get("ITERDEF_AGENT_TLS_KEY_ALIAS")) == null
                        ? GENERATED_ALIAS : env.get("ITERDEF_AGENT_TLS_KEY_ALIAS").trim());
    }

    /** The agent API (and the admin API: same port) as reached from this machine. */
    URI apiUrl() {
        return URI.create("https://127.0.0.1:" + port);
    }

    /** True when the agent server generates its own CA and certificate into the data dir. */
    boolean generatedTls() {
        return keyStore == null;
    }

    Path serverDir(Path dataDir) {
        return dataDir.resolve(SERVER_DIR);
    }

    /** The CA certificate of the generated TLS identity (null with a key store of one's own). */
    Path caCertificate(Path dataDir) {
        return generatedTls() ? serverDir(dataDir).resolve(CA_FILE) : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
