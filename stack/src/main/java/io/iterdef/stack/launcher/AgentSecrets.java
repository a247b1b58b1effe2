package io.iterdef.stack.launcher;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The agent server's admin token and enrollment secret. The server needs the same ones on every run (agents keep
 * enrolling with the secret; incident-web calls the admin API with the token), so the launcher takes them from
 * ITERDEF_AGENT_ADMIN_TOKEN / ITERDEF_AGENT_ENROLLMENT_SECRET when set, else generates them once into owner-only
 * files of the data dir.
 *
 * @param adminTokenFile        where the token is kept, or null when it comes from the environment
 * @param enrollmentSecretFile  where the secret is kept, or null when it comes from the environment
 */
record AgentSecrets(String adminToken, String enrollmentSecret, Path adminTokenFile, Path enrollmentSecretFile) {

    static final String ADMIN_TOKEN_FILE = "agent-admin-token";
    static final String ENROLLMENT_SECRET_FILE = "agent-enrollment-secret";
    private static final int LENGTH = 40;

    static AgentSecrets resolve(LauncherSettings settings) throws IOException {
        AgentSettings agent = settings.agent();
        Path tokenFile = agent.adminTokenOverride() == null ? settings.dataDir().resolve(ADMIN_TOKEN_FILE) : null;
        Path secretFile = agent.enrollmentSecretOverride() == null
                ? settings.dataDir().resolve(ENROLLMENT_SECRET_FILE) : null;
        String token = tokenFile == null ? agent.adminTokenOverride()
                : SecretFile.loadOrCreate(tokenFile, LENGTH, "ITERDEF_AGENT_ADMIN_TOKEN");
        String secret = secretFile == null ? agent.enrollmentSecretOverride()
                : SecretFile.loadOrCreate(secretFile, LENGTH, "ITERDEF_AGENT_ENROLLMENT_SECRET");
        return new AgentSecrets(token, secret, tokenFile, secretFile);
    }

    /** Where the enrollment secret is, for the ready block (never the secret itself). */
    String enrollmentSecretSource() {
        return enrollmentSecretFile == null ? "ITERDEF_AGENT_ENROLLMENT_SECRET" : enrollmentSecretFile.toString();
    }

    /** Where the admin token is, for the ready block (never the token itself). */
    String adminTokenSource() {
        return adminTokenFile == null ? "ITERDEF_AGENT_ADMIN_TOKEN" : adminTokenFile.toString();
    }

    @Override
    public String toString() {
        return "AgentSecrets[adminToken in " + adminTokenSource() + ", enrollmentSecret in "
                + enrollmentSecretSource() + "]";
    }
}
