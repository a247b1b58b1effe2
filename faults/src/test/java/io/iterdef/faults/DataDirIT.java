package io.iterdef.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.iterdef.stack.Stack;
import io.iterdef.stack.StackConfig;
import io.iterdef.stack.StackStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A data directory that cannot hold state is reported at start, by name, with the reason and what to do, and the
 * process exits (streams-app: exit 1 within seconds, before it touches Kafka). Unwritable and full are real file
 * systems: a read-only tmpfs and a 1 MiB tmpfs filled up (mounting needs root, which this suite has here; without it
 * those two are skipped, and the file-in-the-way case still runs). The stack reports a data directory that is a file
 * in the same way before starting anything.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class DataDirIT {

    @Test
    void shouldReportAFileWhereTheDataDirectoryShouldBeWhenStreamsAppStarts() throws Exception {
        Pipeline pipeline = new Pipeline("datadir-file");
        Path dataDir = pipeline.dir.resolve("data-is-a-file");
        Files.createDirectories(pipeline.dir);
        Files.writeString(dataDir, "in the way");

        String log = failedStart(pipeline, dataDir);

        assertThat(log).contains("The data directory " + dataDir + " (ITERDEF_DATA_DIR)")
                .contains("it is not a directory").contains("What to do:");
    }

    @Test
    void shouldReportAReadOnlyDataDirectoryWhenStreamsAppStarts() throws Exception {
        assumeTrue(isRoot(), "mounting a read-only tmpfs needs root");
        Pipeline pipeline = new Pipeline("datadir-ro");
        Path dataDir = Files.createDirectories(pipeline.dir.resolve("read-only"));
        mount(dataDir, "ro,size=1m");
        try {
            String log = failedStart(pipeline, dataDir);

            assertThat(log).contains("The data directory " + dataDir + " (ITERDEF_DATA_DIR)")
                    .contains("it is not writable (Read-only file system)").contains("What to do:");
        } finally {
            umount(dataDir);
        }
    }

    @Test
    void shouldReportAFullDataDirectoryWhenStreamsAppStarts() throws Exception {
        assumeTrue(isRoot(), "mounting a small tmpfs needs root");
        Pipeline pipeline = new Pipeline("datadir-full");
        Path dataDir = Files.createDirectories(pipeline.dir.resolve("full"));
        mount(dataDir, "size=1m");
        try {
            fill(dataDir.resolve("filler"));

            String log = failedStart(pipeline, dataDir);

            assertThat(log).contains("The data directory " + dataDir + " (ITERDEF_DATA_DIR)")
                    .contains("it is full (No space left on device").contains("free space on that file system");
        } finally {
            umount(dataDir);
        }
    }

    @Test
    void shouldReportAFileWhereTheDataDirectoryShouldBeWhenTheStackStarts() throws Exception {
        Path dir = Files.createDirectories(FaultStack.dir().resolve("runs"));
        Path dataDir = Files.writeString(dir.resolve("stack-data-is-a-file-" + System.nanoTime()), "in the way");
        StackConfig cfg = new StackConfig("127.0.0.1:" + Pipeline.freePort(), false, Pipeline.freePort(), Map.of(),
                "http://127.0.0.1:" + Pipeline.freePort(), false, null,
                "jdbc:postgresql://127.0.0.1:" + Pipeline.freePort() + "/iterdef", false, "postgres", "", dataDir,
                Duration.ofSeconds(30));

        assertThatThrownBy(() -> Stack.start(cfg).close()).isInstanceOf(StackStartException.class)
                .hasMessageContaining(dataDir.toString())
                .hasMessageContaining("What to do: check that " + dataDir + " is writable");
    }

    /** Starts streams-app on {@code dataDir}, expects exit code 1 within 60 s, returns its log. */
    private static String failedStart(Pipeline pipeline, Path dataDir) throws Exception {
        pipeline.withStreams("ITERDEF_DATA_DIR", dataDir.toString());
        try (AppProcess app = AppProcess.streamsApp(pipeline.streamsEnv(), pipeline.dir.resolve("streams-app.log"))) {
            assertThat(app.awaitExit(60)).as("exit code; log:\n%s", app.log()).isEqualTo(1);
            assertThat(app.log()).contains("streams app failed to start").doesNotContain("streams app ready");
            return app.log();
        }
    }

    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void mount(Path dir, String options) throws Exception {
        run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
    }

    private static void umount(Path dir) throws Exception {
        run(List.of("umount", dir.toString()));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
