package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSecretsTest {

    @TempDir
    Path home;

    @Test
    void shouldGenerateOwnerOnlyFilesWhenFirstRun() throws Exception {
        AgentSecrets secrets = AgentSecrets.resolve(settings(Map.of()));

        Path token = home.resolve("data/agent-admin-token");
        Path secret = home.resolve("data/agent-enrollment-secret");
        assertThat(secrets.adminToken()).hasSize(40).matches("[A-Za-z0-9]+");
        assertThat(secrets.enrollmentSecret()).hasSize(40).isNotEqualTo(secrets.adminToken());
        assertThat(Files.readString(token).trim()).isEqualTo(secrets.adminToken());
        assertThat(Files.readString(secret).trim()).isEqualTo(secrets.enrollmentSecret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(secrets.enrollmentSecretSource()).isEqualTo(secret.toString());
        assertThat(secrets.toString()).doesNotContain(secrets.adminToken(), secrets.enrollmentSecret());
    }

    @Test
    void shouldReuseStoredSecretsWhenRunAgain() throws Exception {
        AgentSecrets first = AgentSecrets.resolve(settings(Map.of()));

        assertThat(AgentSecrets.resolve(settings(Map.of()))).isEqualTo(first);
    }

    @Test
    void shouldUseEnvironmentAndWriteNothingWhenSet() throws Exception {
        AgentSecrets secrets = AgentSecrets.resolve(settings(Map.of("ITERDEF_AGENT_ADMIN_TOKEN", "tok",
                "ITERDEF_AGENT_ENROLLMENT_SECRET", "sec")));

        assertThat(secrets).isEqualTo(new AgentSecrets("tok", "sec", null, null));
        assertThat(secrets.enrollmentSecretSource()).isEqualTo("ITERDEF_AGENT_ENROLLMENT_SECRET");
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void shouldFailNamingTheVariableWhenStoredTokenIsEmpty() throws Exception {
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/agent-admin-token"), " \n");

        assertThatThrownBy(() -> AgentSecrets.resolve(settings(Map.of())))
                .isInstanceOf(IOException.class).hasMessageContaining("is empty")
                .hasMessageContaining("ITERDEF_AGENT_ADMIN_TOKEN");
    }

    private LauncherSettings settings(Map<String, String> env) {
        return LauncherSettings.from(env, home.toString());
    }
}
