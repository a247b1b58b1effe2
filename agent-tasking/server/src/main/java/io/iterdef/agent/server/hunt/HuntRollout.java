package io.iterdef.agent.server.hunt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.iterdef.agent.protocol.TaskType;
import io.iterdef.agent.server.task.TaskBudgets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollout, every iterdef.agent.hunt-interval: hunts past their expiry become expired; then each running hunt,
 * locked in its own transaction (FOR UPDATE SKIP LOCKED, so several server instances share the work and never roll
 * out one hunt twice at once), gets the newly matching agents as targets up to its client limit, starts as many
 * targets as its rate allows this minute, and becomes done once every target has finished.
 */
@Component
class HuntRollout {

	private static final Logger log = LoggerFactory.getLogger(HuntRollout.class);

	static final int MAX_PER_CYCLE = 1000;

	static final int MAX_HUNTS_PER_CYCLE = 1000;

	static final int MAX_ATTEMPTS = 3;

	private final RolloutRepository rollout;

	private final TransactionTemplate tx;

	private final long maxUploadBytes;

	private final Duration maxTaskExpiry;

	HuntRollout(RolloutRepository rollout, PlatformTransactionManager transactions,
			@Value("${iterdef.agent.max-upload-bytes}") long maxUploadBytes,
			@Value("${iterdef.agent.default-expiry:PT24H}") Duration maxTaskExpiry) {
		this.rollout = rollout;
		this.tx = new TransactionTemplate(transactions);
		this.maxUploadBytes = maxUploadBytes;
		this.maxTaskExpiry = maxTaskExpiry;
	}

	@Scheduled(fixedDelayString = "${iterdef.agent.hunt-interval:PT5S}")
	void run() {
		try {
			int expired = rollout.expireHunts();
			if (expired > 0) {
				log.info("hunt rollout: {} hunts expired", expired);
			}
			List<UUID> seen = new ArrayList<>(List.of(new UUID(0, 0)));
			AtomicReference<UUID> current = new AtomicReference<>();
			for (int i = 0; i < MAX_HUNTS_PER_CYCLE; i++) {
				current.set(null);
				try {
					if (tx.execute(status -> rollOutNext(seen, current)) == null) {
						break;
					}
				}
				catch (RuntimeException ex) {
					if (current.get() == null) {
						throw ex;
					}
					// one hunt's failure (rolled back) must not hold up the others
					log.warn("hunt {}: rollout failed (retried at the next interval): {}", current.get(), ex.getMessage());
				}
				seen.add(current.get());
			}
		}
		catch (RuntimeException ex) {
			log.warn("hunt rollout failed (retried at the next interval): {}", ex.getMessage());
		}
	}

	/**
	 * Claims one running hunt not in {@code seen} (its id into {@code current}) and rolls it out; its id, or null
	 * when none is left.
	 */
	private UUID rollOutNext(List<UUID> seen, AtomicReference<UUID> current) {
		Optional<Hunt> claimed = rollout.claimRunning(seen);
		if (claimed.isEmpty()) {
			return null;
		}
		Hunt hunt = claimed.get();
		current.set(hunt.id());
		long targets = addTargets(hunt);
		int allowed = RolloutRate.startsAllowed(hunt.ratePerMinute(), rollout.startedInLastMinute(hunt.id()),
				rollout.pending(hunt.id()), MAX_PER_CYCLE);
		if (allowed > 0) {
			TaskType type = TaskType.parse(hunt.type()).orElseThrow();
			int started = rollout.start(hunt.id(), allowed, TaskBudgets.of(type, maxUploadBytes), MAX_ATTEMPTS,
					maxTaskExpiry);
			log.info("hunt {} ({}): started {} of its agents", hunt.id(), hunt.name(), started);
		}
		if (targets > 0 && rollout.unfinished(hunt.id()) == 0) {
			rollout.markDone(hunt.id());
			log.info("hunt {} ({}): done, every one of its {} agents finished", hunt.id(), hunt.name(), targets);
		}
		return hunt.id();
	}

	/** Adds newly matching agents up to the client limit; returns the number of targets now. */
	private long addTargets(Hunt hunt) {
		long targets = rollout.targetCount(hunt.id());
		long room = Math.min(hunt.clientLimit() - targets, MAX_PER_CYCLE);
		if (room <= 0) {
			return targets;
		}
		TargetCriteria criteria = hunt.criteria();
		for (RolloutRepository.Candidate c : rollout.candidates(hunt, (int) room)) {
			if (criteria.matches(c.labels(), c.os(), c.lastSeenAt(), c.now())) {
				rollout.addTarget(hunt.id(), c.id());
				targets++;
			}
		}
		return targets;
	}

}
