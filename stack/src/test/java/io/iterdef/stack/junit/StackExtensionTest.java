package io.iterdef.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackExtensionTest {

    @TempDir
    Path dir;

    @Test
    void shouldFindTheTopmostPomWhenStartingInANestedModule() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("repo/agent-tasking/server"));
        Files.writeString(dir.resolve("repo/pom.xml"), "<project/>");
        Files.writeString(dir.resolve("repo/agent-tasking/pom.xml"), "<project/>");
        Files.writeString(nested.resolve("pom.xml"), "<project/>");

        assertThat(StackExtension.reactorRoot(nested)).isEqualTo(dir.resolve("repo"));
    }

    @Test
    void shouldStayWhereItIsWhenThereIsNoPom() {
        assertThat(StackExtension.reactorRoot(dir)).isEqualTo(dir);
    }

    @Test
    void shouldUseTheSystemPropertyWhenItIsSet() {
        String before = System.getProperty(StackExtension.DATA_DIR_PROPERTY);
        System.setProperty(StackExtension.DATA_DIR_PROPERTY, dir.resolve("it").toString());
        try {
            assertThat(StackExtension.testDataDir()).isEqualTo(dir.resolve("it"));
        } finally {
            if (before == null) {
                System.clearProperty(StackExtension.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(StackExtension.DATA_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void shouldUseDataItUnderTheReactorRootByDefault() {
        assertThat(StackExtension.testDataDir().toString()).endsWith("/data/it");
    }
}
