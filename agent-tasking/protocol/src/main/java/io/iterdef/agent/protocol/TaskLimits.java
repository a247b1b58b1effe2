package io.iterdef.agent.protocol;

/**
 * The budget a task runs under; the agent stops it (and reports "failed" with the reason) when one is spent.
 *
 * @param timeoutMillis wall-clock time
 * @param cpuMillis CPU time of the task's thread
 * @param maxBytes bytes read from disk or memory, and the most a result or upload may hold
 */
public record TaskLimits(long timeoutMillis, long cpuMillis, long maxBytes) {
}
