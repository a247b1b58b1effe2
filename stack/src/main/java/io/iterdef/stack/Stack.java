package io.iterdef.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class Stack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    private final StackConfig cfg;
    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();
    private final List<String> startedNames = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private Stack(StackConfig cfg) {
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
        Consumer<AutoCloseable> register = started::add;
        Map<String, Function<StackConfig, Object>> services = new LinkedHashMap<>();
        services.put("kafka", c -> KafkaBroker.start(c, register));
        services.put("elasticsearch", c -> ElasticsearchNode.start(c, register));
        services.put("postgres", c -> PostgresServer.start(c, register));
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
    }
}
