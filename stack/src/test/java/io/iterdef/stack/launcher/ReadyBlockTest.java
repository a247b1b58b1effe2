package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadyBlockTest {

    @Test
    void shouldShowAgentApiFingerprintAndWhereSecretsAreButNotTheSecrets() {
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_AGENT_PORT", "18443"), "/opt/iterdef");
        Endpoints endpoints = new Endpoints("127.0.0.1:9092", "http://127.0.0.1:9200",
                "jdbc:postgresql://127.0.0.1:5432/iterdef", "postgres", "");
        AgentSecrets secrets = new AgentSecrets("the-token", "the-secret", Path.of("/opt/iterdef/data/agent-admin-token"),
                Path.of("/opt/iterdef/data/agent-enrollment-secret"));
        AgentAccess agents = new AgentAccess(settings.agent().apiUrl(), "0a".repeat(32), secrets,
                Path.of("/opt/iterdef/data/agent.properties"));

        String block = ReadyBlock.render(settings, endpoints, new AdminCredentials("admin", "pw", true), agents);

        assertThat(block).contains("agent API      https://127.0.0.1:18443",
                "certificate SHA-256 0A:0A:0A:",
                "enrollment secret in /opt/iterdef/data/agent-enrollment-secret",
                "admin token in /opt/iterdef/data/agent-admin-token",
                "agent config ready to use: /opt/iterdef/data/agent.properties",
                "agent-tasking/agent/target/iterdef-agent.jar")
                .doesNotContain("the-token", "the-secret");
    }
}
