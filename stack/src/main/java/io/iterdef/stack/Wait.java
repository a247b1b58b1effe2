package io.iterdef.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, a watched process dies, or time runs out. */
final class Wait {

    private static final long POLL_MILLIS = 500;

    private Wait() {
    }

    enum Outcome { READY, DIED, TIMED_OUT }

    /**
     * @param ready the health probe (must not throw)
     * @param alive whether the process we wait for is still running (always true for services we did not start)
     */
    static Outcome until(BooleanSupplier ready, BooleanSupplier alive, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return Outcome.READY;
            }
            if (!alive.getAsBoolean()) {
                return ready.getAsBoolean() ? Outcome.READY : Outcome.DIED;
            }
            if (System.nanoTime() - deadline >= 0) {
                return Outcome.TIMED_OUT;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("Interrupted while waiting for a service to start", e);
            }
        }
    }
}
