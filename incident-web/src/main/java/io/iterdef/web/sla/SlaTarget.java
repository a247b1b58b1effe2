package io.iterdef.web.sla;

import java.time.Instant;

/** A severity's time to acknowledge and time to resolve, in seconds. */
public record SlaTarget(String severity, int ackSeconds, int resolveSeconds, String updatedBy, Instant updatedAt) {

	public String ackText() {
		return Durations.format(ackSeconds);
	}

	public String resolveText() {
		return Durations.format(resolveSeconds);
	}

}
