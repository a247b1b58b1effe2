package io.iterdef.web.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an escalation goes after a level has fired: the next level of the same round, or level 1 of the
 * next round while repeats are left, or nowhere (the escalation is complete). Each level's delay counts from
 * the due time of the level before it (not from when the scheduler got to it), so a slow poll does not
 * shift the whole plan.
 */
final class EscalationSteps {

	/** A 0-based level index in a 0-based round, and when it is due. */
	record Step(int level, int round, Instant dueAt) {
	}

	private EscalationSteps() {
	}

	static Instant firstDue(List<Level> levels, Instant incidentCreated) {
		return incidentCreated.plusSeconds(levels.get(0).delaySeconds());
	}

	static Optional<Step> after(List<Level> levels, int repeatCount, int firedLevel, int round, Instant firedDueAt) {
		int next;
		int nextRound;
		if (firedLevel + 1 < levels.size()) {
			next = firedLevel + 1;
			nextRound = round;
		}
		else if (round < repeatCount) {
			next = 0;
			nextRound = round + 1;
		}
		else {
			return Optional.empty();
		}
		return Optional.of(new Step(next, nextRound, firedDueAt.plusSeconds(levels.get(next).delaySeconds())));
	}

}
