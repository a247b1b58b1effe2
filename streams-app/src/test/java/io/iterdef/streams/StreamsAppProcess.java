package io.iterdef.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link StreamsApp#main} in an OS process of its own (the ITs' classpath, the given environment), its output in a
 * log file: so that a test can kill it with SIGKILL ({@link #kill()}), which no in-process close can imitate.
 */
final class StreamsAppProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private StreamsAppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static StreamsAppProcess start(Map<String, String> env, Path log) throws IOException {
        // Surefire and Failsafe run tests from a manifest-only jar; the real classpath is in this property
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", classpath,
                StreamsApp.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        return new StreamsAppProcess(builder.start(), log);
    }

    /** Whether the process logged a line containing {@code text}; fails when it has exited. */
    boolean logged(String text) {
        if (!process.isAlive()) {
            throw new IllegalStateException("streams app exited with " + process.exitValue() + "; its log:\n" + log());
        }
        return log().contains(text);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("streams app did not die on SIGKILL");
        }
    }

    /** SIGTERM: the shutdown hook closes the app (commits, leaves the group); returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("streams app did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
