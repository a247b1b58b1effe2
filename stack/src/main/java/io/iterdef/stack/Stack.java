package io.iterdef.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, Elasticsearch and PostgreSQL, started on demand. {@link #start} starts what is missing (in parallel),
 * reuses a service that already answers on its port, only waits for external ones, and returns once all are
 * healthy. {@link #close} (and a JVM shutdown hook, for Ctrl-C) stops only what this instance started.
 * {@link #stop(Service)} and {@link #start(Service)} stop and start one of those again on the same ports and data
 * (the fault-injection tests use them).
 */
public final class Stack implements AutoCloseable {

    /** The three services, by the names {@link #startedServices()} uses. */
    public enum Service {
        KAFKA, ELASTICSEARCH, POSTGRES;

        public String serviceName() {
            return this == POSTGRES ? "postgres" : name().toLowerCase(Locale.ROOT);
        }

        Object start(StackConfig cfg, Consumer<AutoCloseable> register) {
            return switch (this) {
                case KAFKA -> KafkaBroker.start(cfg, register);
                case ELASTICSEARCH -> ElasticsearchNode.start(cfg, register);
                case POSTGRES -> PostgresServer.start(cfg, register);
            };
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    private final StackConfig cfg;
    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();
    private final List<String> startedNames = new CopyOnWriteArrayList<>();
    private final Map<Service, AutoCloseable> running = new ConcurrentHashMap<>();
    private final Thread shutdownHook;
    private volatile boolean closed;

    Stack(StackConfig cfg) {
        this.cfg = cfg;
        this.shutdownHook = new Thread(this::stopAll, "iterdef-stack-shutdown");
    }

    /** Starts what is missing and waits until all three services are healthy; throws {@link StackStartException}. */
    public static Stack start(StackConfig cfg) {
        Stack stack = new Stack(cfg);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        long t0 = System.nanoTime();
        Map<String, Function<StackConfig, Object>> services = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            services.put(service.serviceName(), c -> service.start(c, register(service)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), r -> {
            Thread t = new Thread(r, "iterdef-stack-start");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Object>> futures = new LinkedHashMap<>();
            services.forEach((name, starter) -> futures.put(name, pool.submit(() -> starter.apply(cfg))));
            List<Throwable> failures = new ArrayList<>();
            for (Map.Entry<String, Future<Object>> f : futures.entrySet()) {
                try {
                    if (f.getValue().get() != null) {
                        startedNames.add(f.getKey());
                    }
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(new StackStartException("Interrupted while starting the stack", e));
                    break;
                }
            }
            if (!failures.isEmpty()) {
                throw combine(failures);
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info("Stack ready in {}s: Kafka {}, Elasticsearch {}, PostgreSQL {} (started here: {})",
                (System.nanoTime() - t0) / 1_000_000_000, cfg.kafkaBootstrap(), cfg.elasticsearchUrl(), cfg.jdbcUrl(),
                startedNames.isEmpty() ? "none" : String.join(", ", startedNames));
    }

    private static RuntimeException combine(List<Throwable> failures) {
        Throwable first = failures.get(0);
        if (failures.size() == 1 && first instanceof RuntimeException single) {
            return single;
        }
        StringBuilder msg = new StringBuilder("The stack did not start:\n").append(first.getMessage());
        for (Throwable t : failures.subList(1, failures.size())) {
            msg.append("\n\n").append(t.getMessage());
        }
        StackStartException e = new StackStartException(msg.toString(), first);
        failures.subList(1, failures.size()).forEach(e::addSuppressed);
        return e;
    }

    private Consumer<AutoCloseable> register(Service service) {
        return process -> {
            started.add(process);
            running.put(service, process);
        };
    }

    /**
     * Stops one service this instance started (SIGTERM, then SIGKILL after a grace period; PostgreSQL by pg_ctl) and
     * waits until it has exited; its data stays. A no-op when it is already stopped.
     *
     * @throws IllegalStateException when this instance did not start it (external or reused)
     */
    public synchronized void stop(Service service) {
        requireOwn(service);
        AutoCloseable process = running.remove(service);
        if (process == null) {
            return;
        }
        LOG.info("Stopping {} on request", service.serviceName());
        try {
            process.close();
        } catch (Exception e) {
            throw new IllegalStateException("Stopping " + service.serviceName() + " failed: " + e, e);
        } finally {
            started.remove(process);
        }
    }

    /**
     * Starts a service stopped by {@link #stop(Service)} again, on the same ports and data, and waits until it is
     * healthy; throws {@link StackStartException}. A no-op when it is running.
     *
     * @throws IllegalStateException when this instance did not start it (external or reused), or it is closed
     */
    public synchronized void start(Service service) {
        requireOwn(service);
        if (closed) {
            throw new IllegalStateException("the stack is closed");
        }
        if (running.containsKey(service)) {
            return;
        }
        LOG.info("Starting {} again on request", service.serviceName());
        Object process;
        try {
            process = service.start(cfg, register(service));
        } catch (RuntimeException e) {
            AutoCloseable failed = running.remove(service);
            if (failed != null) {
                started.remove(failed);
            }
            throw e;
        }
        if (process == null) {
            throw new StackStartException("Could not start " + service.serviceName() + " again: something else answers on its port",
                    null);
        }
    }

    /** Whether a service this instance started is running (not stopped by {@link #stop(Service)}). */
    public boolean isRunning(Service service) {
        return running.containsKey(service);
    }

    private void requireOwn(Service service) {
        if (!startedNames.contains(service.serviceName())) {
            throw new IllegalStateException(service.serviceName() + " was not started by this stack (it is external or was"
                    + " reused), so it cannot be stopped or started here");
        }
    }

    public StackConfig config() {
        return cfg;
    }

    public String kafkaBootstrap() {
        return cfg.kafkaBootstrap();
    }

    /** Kafka client security settings (empty for PLAINTEXT), to add to producer/consumer/admin properties. */
    public Map<String, String> kafkaClientProperties() {
        return cfg.kafkaClientProperties();
    }

    public String elasticsearchUrl() {
        return cfg.elasticsearchUrl();
    }

    public String jdbcUrl() {
        return cfg.jdbcUrl();
    }

    public String dbUser() {
        return cfg.dbUser();
    }

    public String dbPassword() {
        return cfg.dbPassword();
    }

    /** Names of the services this instance started ("kafka", "elasticsearch", "postgres"); reused/external ones are absent. */
    public List<String> startedServices() {
        return List.copyOf(startedNames);
    }

    /** Stops what this instance started (in parallel); idempotent. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or ran
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        List<Thread> stoppers = new ArrayList<>();
        for (AutoCloseable service : started) {
            Thread t = new Thread(() -> {
                try {
                    service.close();
                } catch (Exception e) {
                    LOG.warn("Stopping {} failed: {}", service, e.toString());
                }
            }, "iterdef-stack-stop");
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
        running.clear();
    }
}
