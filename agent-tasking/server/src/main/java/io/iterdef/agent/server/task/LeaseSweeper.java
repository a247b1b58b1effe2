package io.iterdef.agent.server.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every iterdef.agent.sweep-interval: queued tasks past their expiry become expired, and leases that ran out go
 * back to queued while attempts remain (else the task fails "no result within N attempts"). Each step is one
 * UPDATE, safe with several server instances.
 */
@Component
class LeaseSweeper {

	private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

	private final TaskRepository tasks;

	LeaseSweeper(TaskRepository tasks) {
		this.tasks = tasks;
	}

	@Scheduled(fixedDelayString = "${iterdef.agent.sweep-interval:PT5S}")
	void sweep() {
		try {
			int expired = tasks.expireQueued();
			int released = tasks.releaseExpiredLeases();
			if (expired + released > 0) {
				log.info("task sweep: {} expired unleased, {} leases ran out", expired, released);
			}
		}
		catch (RuntimeException ex) {
			log.warn("task sweep failed (retried at the next interval): {}", ex.getMessage());
		}
	}

}
