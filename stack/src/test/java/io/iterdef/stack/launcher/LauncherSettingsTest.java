package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), "/opt/iterdef");

        assertThat(settings.home()).isEqualTo(Path.of("/opt/iterdef"));
        assertThat(settings.dataDir()).isEqualTo(Path.of("/opt/iterdef/data"));
        assertThat(settings.logDir()).isEqualTo(Path.of("/opt/iterdef/data/logs"));
        assertThat(settings.webUrl()).isEqualTo(URI.create("http://127.0.0.1:8080/"));
        assertThat(settings.collectorUrl()).isEqualTo("tcp://127.0.0.1:5140");
        assertThat(settings.adminUser()).isEqualTo("admin");
        assertThat(settings.adminPasswordOverride()).isNull();
        assertThat(settings.scenario()).isEqualTo(
                Path.of("/opt/iterdef/sample-events/src/main/resources/scenarios/encoded-powershell-recon.ndjson"));
    }

    @Test
    void shouldUseEnvironmentWhenSet() {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "ITERDEF_DATA_DIR", "/var/lib/iterdef",
                "ITERDEF_WEB_PORT", "18080",
                "ITERDEF_COLLECTOR_TCP_PORT", " 15140 ",
                "ITERDEF_ADMIN_USER", "boss",
                "ITERDEF_ADMIN_PASSWORD", "pw"), "/opt/iterdef");

        assertThat(settings.dataDir()).isEqualTo(Path.of("/var/lib/iterdef"));
        assertThat(settings.webUrl()).isEqualTo(URI.create("http://127.0.0.1:18080/"));
        assertThat(settings.collectorPort()).isEqualTo(15140);
        assertThat(settings.adminUser()).isEqualTo("boss");
        assertThat(settings.adminPasswordOverride()).isEqualTo("pw");
    }

    @Test
    void shouldListHttpAndSyslogEndpointsUnlessSwitchedOff() {
        LauncherSettings defaults = LauncherSettings.from(Map.of(), "/opt/iterdef");
        assertThat(defaults.httpPort()).isEqualTo(8088);
        assertThat(defaults.syslogPort()).isEqualTo(5514);
        assertThat(defaults.collectorEndpoints()).contains("tcp://127.0.0.1:5140", "http://127.0.0.1:8088/ingest",
                "syslog tcp+udp://127.0.0.1:5514");

        LauncherSettings off = LauncherSettings.from(Map.of("ITERDEF_COLLECTOR_HTTP_PORT", "-1",
                "ITERDEF_COLLECTOR_SYSLOG_PORT", "15514"), "/opt/iterdef");
        assertThat(off.httpPort()).isEqualTo(LauncherSettings.OFF);
        assertThat(off.collectorEndpoints()).doesNotContain("/ingest").contains(":15514");
    }

    @Test
    void shouldUseAgentDefaultsWhenNothingIsSet() {
        AgentSettings agent = LauncherSettings.from(Map.of(), "/opt/iterdef").agent();

        assertThat(agent.port()).isEqualTo(8443);
        assertThat(agent.apiUrl()).isEqualTo(URI.create("https://127.0.0.1:8443"));
        assertThat(agent.adminTokenOverride()).isNull();
        assertThat(agent.enrollmentSecretOverride()).isNull();
        assertThat(agent.generatedTls()).isTrue();
        assertThat(agent.caCertificate(Path.of("/opt/iterdef/data")))
                .isEqualTo(Path.of("/opt/iterdef/data/agent-server/ca.crt"));
    }

    @Test
    void shouldUseAgentEnvironmentWhenSet() {
        AgentSettings agent = LauncherSettings.from(Map.of(
                "ITERDEF_AGENT_PORT", "18443",
                "ITERDEF_AGENT_ADMIN_TOKEN", " token ",
                "ITERDEF_AGENT_ENROLLMENT_SECRET", "secret",
                "ITERDEF_AGENT_TLS_KEYSTORE", "tls/agents.p12",
                "ITERDEF_AGENT_TLS_KEYSTORE_PASSWORD", "changeit",
                "ITERDEF_AGENT_TLS_KEY_ALIAS", "agents"), "/opt/iterdef").agent();

        assertThat(agent.apiUrl()).isEqualTo(URI.create("https://127.0.0.1:18443"));
        assertThat(agent.adminTokenOverride()).isEqualTo("token");
        assertThat(agent.enrollmentSecretOverride()).isEqualTo("secret");
        assertThat(agent.generatedTls()).isFalse();
        assertThat(agent.keyStore()).isEqualTo(Path.of("/opt/iterdef/tls/agents.p12"));
        assertThat(agent.keyStorePassword()).isEqualTo("changeit");
        assertThat(agent.keyAlias()).isEqualTo("agents");
        assertThat(agent.caCertificate(Path.of("/opt/iterdef/data"))).isNull();
    }

    @Test
    void shouldRejectAgentPortWhenNotAPort() {
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("ITERDEF_AGENT_PORT", "0"), "/opt/iterdef"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ITERDEF_AGENT_PORT");
    }

    @Test
    void shouldResolveRelativeDataDirAgainstHomeWhenRelative() {
        assertThat(LauncherSettings.from(Map.of("ITERDEF_DATA_DIR", "state"), "/opt/iterdef").dataDir())
                .isEqualTo(Path.of("/opt/iterdef/state"));
    }

    @Test
    void shouldRejectPortWhenNotANumber() {
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("ITERDEF_WEB_PORT", "http"), "/opt/iterdef"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ITERDEF_WEB_PORT");
        assertThatThrownBy(() -> LauncherSettings.from(Map.of("ITERDEF_COLLECTOR_TCP_PORT", "70000"), "/opt/iterdef"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ITERDEF_COLLECTOR_TCP_PORT");
    }
}
