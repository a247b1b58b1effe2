package io.iterdef.streams.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirCheckTest {

    @Test
    void shouldCreateTheDirectoryAndLeaveNoProbeWhenItIsWritable(@TempDir Path tmp) {
        Path dir = tmp.resolve("data/streams-app");

        DataDirCheck.requireWritable(dir);

        assertThat(dir).isDirectory();
        assertThat(dir.resolve(DataDirCheck.PROBE_NAME)).doesNotExist();
    }

    @Test
    void shouldNameTheDirectoryAndWhatToDoWhenAFileIsWhereItShouldBe(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "not a directory");

        assertThatThrownBy(() -> DataDirCheck.requireWritable(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The data directory " + file + " (ITERDEF_DATA_DIR)")
                .hasMessageContaining("it is not a directory")
                .hasMessageContaining("What to do:");
    }

    @Test
    void shouldSayItCannotBeCreatedWhenAParentIsAFile(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("data"), "not a directory");

        assertThatThrownBy(() -> DataDirCheck.requireWritable(file.resolve("streams")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it cannot be created");
    }
}
