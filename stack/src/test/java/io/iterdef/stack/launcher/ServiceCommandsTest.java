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
                .containsExactly("streams-app/target/streams-app.jar", "incident-web/target/incident-web.jar");

        Files.createDirectories(home.resolve("incident-web/target"));
        Files.createFile(home.resolve("incident-web/target/incident-web.jar"));

        assertThat(ServiceCommands.missingJars(home)).containsExactly("streams-app/target/streams-app.jar");
    }

    @Test
    void shouldRunJarsFromHomeWhenBuildingCommands() {
        assertThat(ServiceCommands.streamsApp(home)).contains("-Xmx768m", "io.iterdef.streams.StreamsApp",
                home.resolve("streams-app/target/streams-app.jar") + ":" + home.resolve("streams-app/target/lib") + "/*");
        assertThat(ServiceCommands.incidentWeb(home)).containsSequence("-jar",
                home.resolve("incident-web/target/incident-web.jar").toString());
    }
}
