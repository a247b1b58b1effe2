package io.iterdef.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void shouldReturnLastLinesWhenFileIsLonger() throws IOException {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 98", "line 99", "line 100");
    }

    @Test
    void shouldReturnAllLinesWhenFileIsShorter() throws IOException {
        Path log = dir.resolve("short.log");
        Files.writeString(log, "a\r\nb");

        assertThat(LogTail.lastLines(log, 40)).containsExactly("a", "b");
    }

    @Test
    void shouldDropTheCutFirstLineWhenFileIsLargerThanTheWindow() throws IOException {
        Path log = dir.resolve("big.log");
        String line = "x".repeat(999);
        Files.writeString(log, IntStream.range(0, 1000).mapToObj(i -> i + line).collect(Collectors.joining("\n")));

        assertThat(LogTail.lastLines(log, 1000))
                .hasSizeLessThan(1000)
                .allSatisfy(l -> assertThat(l).endsWith(line).matches("\\d+x+"))
                .last().isEqualTo(999 + line);
    }

    @Test
    void shouldSayMissingWhenFileDoesNotExist() {
        Path missing = dir.resolve("nope.log");

        assertThat(LogTail.lastLines(missing, 40)).isEmpty();
        assertThat(LogTail.describe(missing, 40)).contains("nope.log").contains("empty or missing");
    }

    @Test
    void shouldNameFileAndIndentLinesWhenDescribing() throws IOException {
        Path log = dir.resolve("es.log");
        Files.writeString(log, "first\nsecond\n");

        assertThat(LogTail.describe(log, 40)).isEqualTo("Last 2 lines of " + log + ":\n    first\n    second");
    }
}
