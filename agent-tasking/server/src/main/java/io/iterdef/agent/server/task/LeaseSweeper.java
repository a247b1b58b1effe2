package io.iterdef.agent.server.task;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every iterdef.agent.sweep-interval: queued tasks past their expiry become expired, and leases that ran out go
 * back to queued while attempts remain (else the task fails "no result within N attempts"). Each step is one
 * UPDATE that skips rows another instance holds, so several server instances sweep each task once. The totals
 * since start are kept for tests and the log.
 */
@Component
class LeaseSweeper {

	private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

	private final TaskRepository tasks;

	private final AtomicLong expiredTotal = new AtomicLong();

	private final AtomicLong releasedTotal = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	LeaseSweeper(TaskRepository tasks) {
		this.tasks = tasks;
	}

	@Scheduled(fixedDelayString = "${iterdef.agent.sweep-interval:PT5S}")
	void sweep() {
		try {
			int expired = tasks.expireQueued();
			int released = tasks.releaseExpiredLeases();
			expiredTotal.addAndGet(expired);
			releasedTotal.addAndGet(released);
			if (expired + released > 0) {
				log.info("task sweep: {} expired unleased, {} leases ran out", expired, released);
			}
		}
		catch (RuntimeException ex) {
			failures.incrementAndGet();
			log.warn("task sweep failed (retried at the next interval): {}", ex.getMessage());
		}
	}

	/** Tasks this instance expired since it started. */
	long expiredTotal() {
		return expiredTotal.get();
	}

	/** Leases this instance released (re-queued or failed) since it started. */
	long releasedTotal() {
		return releasedTotal.get();
	}

	/** Sweeps that failed (e.g. a deadlock or the database down) since it started. */
	long failures() {
		return failures.get();
	}

}
