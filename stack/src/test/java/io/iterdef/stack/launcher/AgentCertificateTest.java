package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCertificateTest {

    @TempDir
    Path home;

    @Test
    void shouldReadFingerprintOfGeneratedKeyStoreWhenServerGeneratedIt() throws Exception {
        Path dir = home.resolve("data/agent-server");
        Path keyStore = TestKeyStores.create(dir.resolve("server.p12"), "server", "generated-pw");
        Files.writeString(dir.resolve("server.p12.password"), "generated-pw");
        LauncherSettings settings = LauncherSettings.from(Map.of(), home.toString());

        assertThat(AgentCertificate.fingerprint(settings.agent(), settings.dataDir()))
                .isEqualTo(TestKeyStores.fingerprint(keyStore, "server", "generated-pw"));
    }

    @Test
    void shouldReadConfiguredKeyStoreWhenSet() throws Exception {
        Path keyStore = TestKeyStores.create(home.resolve("tls/agents.p12"), "agents", "changeit");
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_AGENT_TLS_KEYSTORE", keyStore.toString(),
                "ITERDEF_AGENT_TLS_KEYSTORE_PASSWORD", "changeit", "ITERDEF_AGENT_TLS_KEY_ALIAS", "agents"),
                home.toString());

        assertThat(AgentCertificate.fingerprint(settings.agent(), settings.dataDir()))
                .isEqualTo(TestKeyStores.fingerprint(keyStore, "agents", "changeit"));
    }

    @Test
    void shouldNameAliasWhenKeyStoreHasNoSuchEntry() throws Exception {
        Path keyStore = TestKeyStores.create(home.resolve("other.p12"), "other", "changeit");

        assertThatThrownBy(() -> AgentCertificate.fingerprint(keyStore, "changeit", "server"))
                .isInstanceOf(IOException.class).hasMessageContaining("alias 'server'")
                .hasMessageContaining("ITERDEF_AGENT_TLS_KEY_ALIAS");
    }

    @Test
    void shouldFailWhenNotGeneratedYet() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), home.toString());

        assertThatThrownBy(() -> AgentCertificate.fingerprint(settings.agent(), settings.dataDir()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldGroupHexPairsWhenDisplayed() {
        assertThat(AgentCertificate.display("ab01" + "0".repeat(60)))
                .startsWith("AB:01:00:").hasSize(95);
    }
}
