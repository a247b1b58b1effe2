package io.iterdef.streams.rules;

import io.iterdef.kb.engine.RuleSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set this instance runs, shared by all its detect tasks: each task compares the {@link #current()}
 * reference with the one it runs on its next record or punctuation and swaps when it changed. A published bundle is
 * compiled here, once per instance (not per task); a bundle that does not compile is refused: logged with its errors,
 * remembered as {@link #refused()}, and the running set stays.
 */
public final class ActiveRules {
    private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

    /** A compiled rule set, its version and since when this instance runs it. */
    public record Active(String version, RuleSet ruleSet, Instant since) {
    }

    /** A bundle this instance refused, with the compiler's errors. */
    public record Refused(String version, String errors, Instant at) {
    }

    private final Clock clock;
    private final AtomicReference<Active> current;
    private final AtomicReference<Refused> refused = new AtomicReference<>();
    private final List<Consumer<ActiveRules>> listeners = new CopyOnWriteArrayList<>();

    public ActiveRules(String version, RuleSet ruleSet, Clock clock) {
        this.clock = clock;
        this.current = new AtomicReference<>(new Active(version, ruleSet, clock.instant()));
    }

    /** Rules that never change (tests, or before anything is published). */
    public static ActiveRules fixed(String version, RuleSet ruleSet) {
        return new ActiveRules(version, ruleSet, Clock.systemUTC());
    }

    public Active current() {
        return current.get();
    }

    /** The last bundle refused since the running set was taken, or null. */
    public Refused refused() {
        return refused.get();
    }

    /** The running version as a Prometheus info metric (label values escaped as the text format wants). */
    public String prometheus() {
        String v = current().version().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "# HELP iterdef_detect_ruleset_info The rule set version this instance's detect tasks run.\n"
                + "# TYPE iterdef_detect_ruleset_info gauge\n"
                + "iterdef_detect_ruleset_info{version=\"" + v + "\"} 1\n";
    }

    /** One line for the log. */
    public String summary() {
        Refused r = refused();
        return "rules=" + current().version() + (r == null ? "" : " refused=" + r.version());
    }

    /** Told after every swap or refusal (on the thread that offered the bundle). */
    public void onChange(Consumer<ActiveRules> listener) {
        listeners.add(listener);
    }

    /**
     * Compiles the bundle and makes it the running set; when it does not compile, logs and remembers the errors and
     * keeps the running set. A bundle of the version already running is ignored.
     *
     * @return true when swapped in
     */
    public synchronized boolean offer(RuleSetBundle bundle) {
        if (Objects.equals(bundle.version(), current.get().version())) {
            return false;
        }
        long started = System.nanoTime();
        RuleSet compiled;
        try {
            compiled = RuleSet.compile(bundle.drl());
        } catch (RuntimeException e) {
            refuse(bundle.version(), e.getMessage());
            return false;
        }
        current.set(new Active(bundle.version(), compiled, clock.instant()));
        refused.set(null);
        log.info("rule set {} compiled in {} ms ({} rules); detect tasks swap it in on their next record or "
                + "punctuation", bundle.version(), (System.nanoTime() - started) / 1_000_000, compiled.rules().size());
        listeners.forEach(l -> l.accept(this));
        return true;
    }

    /** Refuses a bundle that could not even be read or compiled; the running set stays. */
    public void refuse(String version, String errors) {
        refused.set(new Refused(version, errors, clock.instant()));
        log.error("rule set {} refused, still running {}: {}", version, current.get().version(), errors);
        listeners.forEach(l -> l.accept(this));
    }
}
