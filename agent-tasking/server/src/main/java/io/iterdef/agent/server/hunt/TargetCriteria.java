package io.iterdef.agent.server.hunt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.iterdef.agent.server.system.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Which agents a hunt targets: every label of {@code labels} present on the agent with the same value, the OS
 * when given, and a poll within {@code seenWithinSeconds} when given. Revoked agents never match.
 */
record TargetCriteria(Map<String, String> labels, String os, Long seenWithinSeconds) {

	static final List<String> OS = List.of("linux", "windows");

	static final int MAX_LABELS = 32;

	static final int MAX_LABEL_CHARS = 200;

	static final long MAX_SEEN_WITHIN_SECONDS = Duration.ofDays(365).toSeconds();

	TargetCriteria {
		labels = labels == null ? Map.of() : Map.copyOf(labels);
	}

	/** Checks a request's targeting; an ApiException (400) says what is wrong. */
	static TargetCriteria of(Map<String, String> labels, String os, Long seenWithinSeconds) {
		Map<String, String> l = labels == null ? Map.of() : labels;
		if (l.size() > MAX_LABELS) {
			throw bad("too many target labels (" + l.size() + ")", "use at most " + MAX_LABELS);
		}
		for (Map.Entry<String, String> e : l.entrySet()) {
			if (blankOrLong(e.getKey()) || blankOrLong(e.getValue())) {
				throw bad("target label '" + e.getKey() + "' has an empty or too long key or value",
						"give labels as {\"key\": \"value\"}, each 1 to " + MAX_LABEL_CHARS + " characters");
			}
		}
		if (os != null && !OS.contains(os)) {
			throw bad("unknown target OS '" + os + "'", "use one of " + OS + " or leave it out for any");
		}
		if (seenWithinSeconds != null && (seenWithinSeconds < 1 || seenWithinSeconds > MAX_SEEN_WITHIN_SECONDS)) {
			throw bad("targetSeenWithinSeconds " + seenWithinSeconds + " is out of range",
					"use 1 to " + MAX_SEEN_WITHIN_SECONDS + " seconds, or leave it out for any");
		}
		return new TargetCriteria(l, os, seenWithinSeconds);
	}

	/** Whether an unrevoked agent with these labels and OS, last seen at {@code lastSeen} (may be null), matches. */
	boolean matches(Map<String, String> agentLabels, String agentOs, Instant lastSeen, Instant now) {
		Map<String, String> have = agentLabels == null ? Map.of() : agentLabels;
		for (Map.Entry<String, String> want : labels.entrySet()) {
			if (!want.getValue().equals(have.get(want.getKey()))) {
				return false;
			}
		}
		if (os != null && !os.equals(agentOs)) {
			return false;
		}
		if (seenWithinSeconds != null) {
			return lastSeen != null && !lastSeen.isBefore(now.minusSeconds(seenWithinSeconds));
		}
		return true;
	}

	private static boolean blankOrLong(String s) {
		return s == null || s.isBlank() || s.length() > MAX_LABEL_CHARS;
	}

	private static ApiException bad(String error, String hint) {
		return new ApiException(HttpStatus.BAD_REQUEST, error, hint);
	}

}
