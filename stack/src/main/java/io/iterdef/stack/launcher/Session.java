package io.iterdef.stack.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Everything one launcher run started, stopped once, in reverse order: status line, services (whole process trees),
 * the stack, then any process of ours still left.
 */
final class Session {

    private final Terminal terminal;
    private final Duration grace;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile AutoCloseable stack;
    private volatile StatusMonitor monitor;
    private volatile boolean starting;
    private volatile boolean stopping;
    private boolean stopped;

    Session(Terminal terminal, Duration grace) {
        this.terminal = terminal;
        this.grace = grace;
    }

    /** From here on there may be something to stop (the stack starts its services as soon as it is called). */
    void starting() {
        this.starting = true;
    }

    void stack(AutoCloseable startedStack) {
        this.stack = startedStack;
    }

    void add(ServiceProcess service) {
        services.add(service);
    }

    void monitor(StatusMonitor statusMonitor) {
        this.monitor = statusMonitor;
    }

    boolean stopping() {
        return stopping;
    }

    /** Fails when a service has exited while nobody asked it to stop. */
    void checkServices() throws LaunchException {
        for (ServiceProcess service : services) {
            if (!service.isAlive() && !stopping) {
                throw LaunchException.of(service,
                        service.name() + " stopped unexpectedly (exit code " + service.exitCode() + ")",
                        "read " + service.log() + ", fix the cause, then start Iterdef again");
            }
        }
    }

    /** Stops everything this session started; safe to call more than once and from the shutdown hook. */
    synchronized void stop() {
        stopping = true;
        if (stopped) {
            return;
        }
        stopped = true;
        if (!starting) {
            return; // nothing was started
        }
        StatusMonitor status = monitor;
        if (status != null) {
            status.close();
        }
        terminal.error("stopping...");
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (ServiceProcess service : services) {
            stops.add(CompletableFuture.runAsync(() -> service.stop(grace)));
        }
        stops.forEach(CompletableFuture::join);
        AutoCloseable started = stack;
        if (started != null) {
            try {
                started.close();
            } catch (Exception e) {
                terminal.error("stopping the stack failed: " + e.getMessage());
            }
        }
        stopLeftovers();
        terminal.println("stopped");
    }

    /** Any descendant of this JVM still running (e.g. one started while the stack itself was starting). */
    private void stopLeftovers() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (left.isEmpty()) {
            return;
        }
        terminal.error("stopping " + left.size() + " leftover process(es)");
        left.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle handle : left) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }
}
