package io.iterdef.stack.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child service: a process whose output goes to a log file, with readiness, log tail and a tree-wide stop. */
final class ServiceProcess {

    enum Readiness { READY, TIMED_OUT, EXITED }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int TAIL_BYTES = 64 * 1024;

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts command in workDir with env added to this process's environment; stdout and stderr go to log (truncated). */
    static ServiceProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), log);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Polls check until it passes, the process exits, or timeout elapses. */
    Readiness waitReady(ReadyCheck check, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                return Readiness.EXITED;
            }
            if (check.isReady()) {
                return process.isAlive() ? Readiness.READY : Readiness.EXITED;
            }
            if (System.nanoTime() - deadline >= 0) {
                return Readiness.TIMED_OUT;
            }
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The last n lines of the log (fewer when the log is shorter; empty when there is none). */
    List<String> logTail(int n) {
        if (n <= 0 || !Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
            if (start > 0 && !lines.isEmpty()) {
                lines.remove(0); // most likely a partial line
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Stops the process and every descendant: SIGTERM to the whole tree, up to grace for them to exit, then SIGKILL to
     * what is left. The tree is captured before anything is signalled, since orphans are no longer descendants.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        process.descendants().forEach(tree::add); // anything started while it was shutting down
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // still alive: the caller decides
        } catch (java.util.concurrent.ExecutionException e) {
            // onExit never completes exceptionally for a live handle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
