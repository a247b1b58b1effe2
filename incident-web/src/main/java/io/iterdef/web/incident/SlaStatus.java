package io.iterdef.web.incident;

import java.time.Instant;

/**
 * An incident's SLA clocks from the incident_sla view: per phase (acknowledge, resolve) the target and
 * elapsed seconds (pauses excluded), the state (none, ok, warning from 75 %, breached from 100 %) and, while
 * the phase runs and the clock is not paused, when it falls due.
 */
record SlaStatus(boolean paused, Instant pausedSince, String pauseReason, Phase ack, Phase resolve,
		String slaState) {

	record Phase(Long targetSeconds, long elapsedSeconds, String state, Instant due) {

		public int percent() {
			return targetSeconds == null || targetSeconds == 0 ? 0
					: (int) Math.min(999, elapsedSeconds * 100 / targetSeconds);
		}

		/** "5m 00s of 30m 00s (16 %)". */
		public String summary() {
			return human(elapsedSeconds) + " of " + (targetSeconds == null ? "no target" : human(targetSeconds)) + " ("
					+ percent() + " %)";
		}

	}

	/** "1h 05m", "3m 20s", "45s": a duration in seconds for the page. */
	static String human(long seconds) {
		long s = Math.max(0, seconds);
		if (s >= 86400) {
			return "%dd %02dh".formatted(s / 86400, s % 86400 / 3600);
		}
		if (s >= 3600) {
			return "%dh %02dm".formatted(s / 3600, s % 3600 / 60);
		}
		if (s >= 60) {
			return "%dm %02ds".formatted(s / 60, s % 60);
		}
		return s + "s";
	}

}
