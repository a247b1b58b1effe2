package io.iterdef.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A service subprocess whose output goes to a log file; stopping it stops its whole process tree. */
final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}, appending stdout and stderr to {@code log}. */
    static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path log)
            throws IOException {
        LOG.info("Starting {} (log: {})", name, log);
        return launch(name, command, workDir, env, log);
    }

    private static ChildProcess launch(String name, List<String> command, Path workDir, Map<String, String> env, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return new ChildProcess(name, pb.start(), log);
    }

    /** Runs a command to completion (output appended to {@code log}); returns its exit code. */
    static int run(String name, List<String> command, Path workDir, Path log, Duration timeout) throws IOException {
        LOG.debug("Running {}", command);
        ChildProcess p = launch(name, command, workDir, Map.of(), log);
        try {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.close();
                return -1;
            }
            return p.process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.close();
            return -1;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Whether {@code pid} is this process or one of its descendants (e.g. the server JVM under runuser). */
    boolean ownsPid(long pid) {
        return pid > 0 && (process.pid() == pid || process.descendants().anyMatch(h -> h.pid() == pid));
    }

    Path log() {
        return log;
    }

    /** SIGTERM to the process and all its descendants, wait, then SIGKILL what is left. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        LOG.info("Stopping {} (pid {})", name, process.pid());
        // Children first: under runuser the real server is a grandchild and must get the signal itself.
        for (int i = tree.size() - 1; i >= 0; i--) {
            tree.get(i).destroy();
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (Exception e) {
                    // timed out: killed below
                }
            }
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                LOG.warn("{}: pid {} did not stop within {}s, killing it", name, h.pid(), GRACE.toSeconds());
                h.destroyForcibly();
            }
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
