package io.iterdef.web.alert;

import java.time.Duration;
import java.time.Instant;

import io.iterdef.web.incident.Incident;
import io.iterdef.web.incident.IncidentStatus;
import io.iterdef.web.incident.Resolution;

/**
 * What an alert does when its rule and group key have no open incident but a resolved one: it reopens the
 * most recently resolved incident when that was resolved less than {@code window} ago as a true positive
 * (the activity goes on, so the same case goes on); otherwise (an older resolution, or one judged false
 * positive, benign or duplicate, which a new alert should not silently overturn) a new incident opens. A
 * window of zero always opens a new incident. Configured by iterdef.incidents.reopen-within
 * (ITERDEF_INCIDENT_REOPEN_WITHIN).
 */
record ReopenPolicy(Duration window) {

	ReopenPolicy {
		if (window == null || window.isNegative()) {
			throw new IllegalArgumentException("ITERDEF_INCIDENT_REOPEN_WITHIN must be a duration of zero or more, "
					+ "like PT1H or PT0S; got " + window);
		}
	}

	boolean reopens(Incident resolved, Instant now) {
		return !window.isZero() && resolved.status() == IncidentStatus.RESOLVED && resolved.mergedInto() == null
				&& resolved.resolution() == Resolution.TRUE_POSITIVE && resolved.resolvedAt() != null
				&& resolved.resolvedAt().isAfter(now.minus(window));
	}

}
