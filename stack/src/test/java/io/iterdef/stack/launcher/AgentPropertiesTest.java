package io.iterdef.stack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteOwnerOnlyFileThatPropertiesReadsBackWhenWritten() throws Exception {
        Path file = dir.resolve("sub/agent.properties");
        new AgentProperties(URI.create("https://127.0.0.1:18443"), "ab".repeat(32), "s3cr\\et",
                Path.of("C:\\ProgramData\\Iterdef"), "demo-agent.local", "demo=true")
                .write(file, "first line\nsecond line");

        Properties read = read(file);
        assertThat(read).containsEntry("server.url", "https://127.0.0.1:18443")
                .containsEntry("server.fingerprint", "ab".repeat(32))
                .containsEntry("enrollment.secret", "s3cr\\et")
                .containsEntry("state.dir", "C:\\ProgramData\\Iterdef")
                .containsEntry("host.name", "demo-agent.local")
                .containsEntry("labels", "demo=true");
        assertThat(Files.readString(file)).startsWith("# first line\n# second line\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldLeaveOutHostNameAndLabelsWhenNotGiven() throws Exception {
        Path file = dir.resolve("agent.properties");
        new AgentProperties(URI.create("https://siem.example.org:8443"), "cd".repeat(32), "x",
                Path.of("/var/lib/iterdef-agent"), null, null).write(file, "c");

        assertThat(read(file)).doesNotContainKeys("host.name", "labels")
                .containsEntry("server.url", "https://siem.example.org:8443");
    }

    @Test
    void shouldConfigureDemoAgentForLocalServerWhenDemo() {
        LauncherSettings settings = LauncherSettings.from(Map.of("ITERDEF_AGENT_PORT", "18443"), dir.toString());
        AgentAccess access = new AgentAccess(settings.agent().apiUrl(), "ef".repeat(32),
                new AgentSecrets("tok", "sec", null, null), dir.resolve("data/agent.properties"));

        AgentProperties demo = DemoAgent.properties(settings, access);

        assertThat(demo).isEqualTo(new AgentProperties(URI.create("https://127.0.0.1:18443"), "ef".repeat(32), "sec",
                dir.resolve("data/demo-agent/state"), "demo-agent.local", "demo=true"));
    }

    private static Properties read(Path file) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
