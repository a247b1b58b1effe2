package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandsTest {

    @TempDir
    Path home;

    @Test
    void shouldTellServicesWhereEverythingIsWhenBuildingEnvironment() {
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_WEB_PORT", "18080"), home.toString());
        Endpoints endpoints = new Endpoints("127.0.0.1:9092", "http://127.0.0.1:9200",
                "jdbc:postgresql://127.0.0.1:5432/iterdef", "postgres", "");

        Map<String, String> env = ServiceCommands.environment(endpoints, settings,
                new AdminCredentials("admin", "pw", true));

        assertThat(env).containsEntry("ITERDEF_KAFKA", "127.0.0.1:9092")
                .containsEntry("ITERDEF_ES_URL", "http://127.0.0.1:9200")
                .containsEntry("ITERDEF_DB_URL", "jdbc:postgresql://127.0.0.1:5432/iterdef")
                .containsEntry("ITERDEF_DB_USER", "postgres")
                .containsEntry("ITERDEF_DB_PASSWORD", "")
                .containsEntry("ITERDEF_DATA_DIR", home.resolve("data").toString())
                .containsEntry("ITERDEF_WEB_PORT", "18080")
                .containsEntry("ITERDEF_COLLECTOR_TCP_PORT", "5140")
                .containsEntry("ITERDEF_ADMIN_USER", "admin")
                .containsEntry("ITERDEF_ADMIN_PASSWORD", "pw");
    }

    @Test
    void shouldListMissingJarsWhenNotBuilt() throws Exception {
        assertThat(ServiceCommands.missingJars(home))
                .containsExactly("streams-app/target/streams-app.jar", "incident-web/target/incident-web.jar",
                        "agent-tasking/server/target/agent-server.jar", "agent-tasking/agent/target/iterdef-agent.jar");

        Files.createDirectories(home.resolve("incident-web/target"));
        Files.createFile(home.resolve("incident-web/target/incident-web.jar"));
        Files.createDirectories(home.resolve("agent-tasking/agent/target"));
        Files.createFile(home.resolve("agent-tasking/agent/target/iterdef-agent.jar"));

        assertThat(ServiceCommands.missingJars(home)).containsExactly("streams-app/target/streams-app.jar",
                "agent-tasking/server/target/agent-server.jar");
    }

    @Test
    void shouldRunJarsFromHomeWhenBuildingCommands() {
        assertThat(ServiceCommands.streamsApp(home)).contains("-Xmx768m", "io.iterdef.streams.StreamsApp",
                home.resolve("streams-app/target/streams-app.jar") + ":" + home.resolve("streams-app/target/lib") + "/*");
        assertThat(ServiceCommands.incidentWeb(home)).containsSequence("-jar",
                home.resolve("incident-web/target/incident-web.jar").toString());
        assertThat(ServiceCommands.agentServer(home)).containsSequence("-jar",
                home.resolve("agent-tasking/server/target/agent-server.jar").toString());
        assertThat(ServiceCommands.agent(home, Path.of("/tmp/agent.properties"))).endsWith("-jar",
                home.resolve("agent-tasking/agent/target/iterdef-agent.jar").toString(), "/tmp/agent.properties");
    }

    @Test
    void shouldRunAgentThroughItsScriptWhenTheBuildHasOne() throws Exception {
        Path script = home.resolve("agent-tasking/agent/target/iterdef-agent.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n");

        assertThat(ServiceCommands.agent(home, Path.of("/tmp/agent.properties")))
                .containsExactly("/bin/sh", script.toString(), "/tmp/agent.properties");
        assertThat(ServiceCommands.agentEnvironment()).containsKeys("JAVA", "ITERDEF_AGENT_JAVA_OPTS");
        assertThat(Path.of(ServiceCommands.agentEnvironment().get("JAVA"))).isExecutable();
    }

    @Test
    void shouldGiveAgentServerSecretAndWebOnlyTheAdminApiWhenBuildingAgentEnvironments() {
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_AGENT_PORT", "18443"), home.toString());
        AgentSecrets secrets = new AgentSecrets("tok", "sec", null, null);
        Map<String, String> base = Map.of("ITERDEF_DB_URL", "jdbc:postgresql://db/iterdef",
                "ITERDEF_ADMIN_PASSWORD", "pw");

        Map<String, String> server = ServiceCommands.agentServerEnvironment(base, settings, secrets);
        Map<String, String> web = ServiceCommands.webEnvironment(base, settings, secrets);

        assertThat(server).containsEntry("ITERDEF_DB_URL", "jdbc:postgresql://db/iterdef")
                .containsEntry("ITERDEF_AGENT_PORT", "18443")
                .containsEntry("ITERDEF_AGENT_ADMIN_TOKEN", "tok")
                .containsEntry("ITERDEF_AGENT_ENROLLMENT_SECRET", "sec")
                .doesNotContainKey("ITERDEF_ADMIN_PASSWORD");
        assertThat(web).containsEntry("ITERDEF_ADMIN_PASSWORD", "pw")
                .containsEntry("ITERDEF_AGENT_ADMIN_TOKEN", "tok")
                .containsEntry("ITERDEF_AGENT_ADMIN_URL", "https://127.0.0.1:18443")
                .containsEntry("ITERDEF_AGENT_SERVER_CA", home.resolve("data/agent-server/ca.crt").toString())
                .doesNotContainKey("ITERDEF_AGENT_ENROLLMENT_SECRET");
    }

    @Test
    void shouldNotPointAtGeneratedCaWhenAKeyStoreIsConfigured() {
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_AGENT_TLS_KEYSTORE", "/etc/tls/agents.p12"),
                home.toString());

        assertThat(ServiceCommands.agentApiEnvironment(settings, new AgentSecrets("tok", "sec", null, null)))
                .doesNotContainKey("ITERDEF_AGENT_SERVER_CA");
    }
}
