package io.iterdef.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * streams-app or incident-web run from its built jar in a process of its own (as the launcher runs them), with an
 * environment of the test's making and its output in a log file, so that a test can SIGKILL it.
 */
final class AppProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private AppProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static AppProcess streamsApp(Map<String, String> env, Path log) throws IOException {
        Path home = FaultStack.home();
        Path jar = requireJar(home.resolve("streams-app/target/streams-app.jar"));
        String classpath = jar + ":" + home.resolve("streams-app/target/lib") + "/*";
        return start("streams-app", List.of(java(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath,
                "io.iterdef.streams.StreamsApp"), env, log);
    }

    static AppProcess incidentWeb(Map<String, String> env, Path log) throws IOException {
        Path jar = requireJar(FaultStack.home().resolve("incident-web/target/incident-web.jar"));
        return start("incident-web", List.of(java(), "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()),
                env, log);
    }

    static AppProcess agentServer(Map<String, String> env, Path log) throws IOException {
        Path jar = requireJar(FaultStack.home().resolve("agent-tasking/server/target/agent-server.jar"));
        // other branches' migrations may land in this database in any order (as the agent e2e ITs allow too)
        return start("agent-server", List.of(java(), "-Xmx384m", "-XX:+ExitOnOutOfMemoryError",
                "-Dspring.flyway.out-of-order=true", "-jar", jar.toString()), env, log);
    }

    private static AppProcess start(String name, List<String> command, Map<String, String> env, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // only what the test sets: no ITERDEF_* of the build's environment may point the app elsewhere
        builder.environment().keySet().removeIf(k -> k.startsWith("ITERDEF_") || k.startsWith("SPRING_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        // a test JVM that is killed or times out must not leave the child running (and holding its ports)
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-" + name));
        return new AppProcess(name, process, log);
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run mvn with -pl faults -am (it packages it first)");
        }
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether the log has a line containing {@code text}; fails when the process has exited. */
    boolean logged(String text) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n" + tail());
        }
        return log().contains(text);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit by itself; its exit code, or -1 when it still runs after {@code seconds}. */
    int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last 60 lines of the log, for failure messages. */
    String tail() {
        String[] lines = log().split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die on SIGKILL");
        }
    }

    /** SIGTERM, then SIGKILL after 60 s; the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", log " + log + ")";
    }
}
