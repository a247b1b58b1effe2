package io.iterdef.bench.system.pipeline;

/**
 * Keeps the flat-out load at the pipeline's limit without an ever-growing backlog: the senders pause while more
 * records wait between collector and detect than detect takes in {@value #SECONDS} s (at least {@value #MIN_CAP}),
 * so detect always has work (the rate measured is its limit) and the backlog drains in seconds afterwards. The collector
 * alone accepts several times what normalize and detect take.
 */
final class BacklogGate {
	static final double SECONDS = 5;

	static final long MIN_CAP = 2_000;

	static final long FIRST_CAP = 10_000;

	private volatile boolean open = true;

	private volatile long cap = FIRST_CAP;

	/**
	 * A new reading: the backlog now, and detect's best rate so far (NaN or 0 when not known yet: the first cap
	 * holds).
	 */
	void update(long backlog, double detectRate) {
		if (detectRate > 0 && Double.isFinite(detectRate)) {
			cap = Math.max(MIN_CAP, (long) (SECONDS * detectRate));
		}
		open = backlog <= cap;
	}

	/** Whether senders may send. */
	boolean open() {
		return open;
	}

	long cap() {
		return cap;
	}
}
