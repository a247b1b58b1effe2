package io.iterdef.stack.launcher;

import java.time.Duration;
import java.util.function.Supplier;

/** Samples the status in the background and shows it: every few seconds on a console, else every 30 s. */
final class StatusMonitor implements AutoCloseable {

    static final Duration CONSOLE_INTERVAL = Duration.ofMillis(2500);
    static final Duration PLAIN_INTERVAL = Duration.ofSeconds(30);

    private final Terminal terminal;
    private final Supplier<Status> probe;
    private final Thread thread;

    StatusMonitor(Terminal terminal, Supplier<Status> probe) {
        this.terminal = terminal;
        this.probe = probe;
        this.thread = new Thread(this::loop, "iterdef-status");
        this.thread.setDaemon(true);
    }

    StatusMonitor start() {
        thread.start();
        return this;
    }

    private void loop() {
        Duration interval = terminal.interactive() ? CONSOLE_INTERVAL : PLAIN_INTERVAL;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Status status = probe.get();
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                terminal.status(status.render(terminal.unicode()));
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminal.clearStatus();
    }
}
