package io.iterdef.web.escalation;

import java.util.List;

/** One escalation level: its delay (after the previous level, or after creation for level 1) and targets. */
public record Level(long delaySeconds, List<Target> targets) {

	public Level {
		targets = List.copyOf(targets);
	}

	/** The delay as shown on the admin pages, e.g. "1h30m". */
	public String delayText() {
		return io.iterdef.web.sla.Durations.format(delaySeconds);
	}

}
