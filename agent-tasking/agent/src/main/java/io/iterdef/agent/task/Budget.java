package io.iterdef.agent.task;

/**
 * The byte budget of one task: every executor counts what it reads (from disk, /proc or memory) and what it puts
 * in its result, and stops when the budget is spent. Also the executors' cancellation point: a task cancelled on
 * timeout or CPU budget stops at its next {@link #consume}.
 */
public final class Budget {

	private final long maxBytes;

	private long used;

	public Budget(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** Counts {@code bytes}; fails the task when the budget is spent or the task was cancelled. */
	public void consume(long bytes) {
		checkCancelled();
		used += bytes;
		if (used > maxBytes) {
			throw new TaskFailedException("byte budget of " + maxBytes + " bytes spent (the task needed more);"
					+ " ask for a larger maxBytes or narrow the task");
		}
	}

	public static void checkCancelled() {
		if (Thread.currentThread().isInterrupted()) {
			throw new TaskFailedException("cancelled");
		}
	}

	public long used() {
		return used;
	}

	public long maxBytes() {
		return maxBytes;
	}

	public long remaining() {
		return Math.max(0, maxBytes - used);
	}

}
