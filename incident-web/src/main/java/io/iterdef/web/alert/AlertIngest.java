package io.iterdef.web.alert;

import io.iterdef.web.incident.Incident;
import io.iterdef.web.incident.IncidentRepository;
import io.iterdef.web.incident.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Turns an alert into incident state, idempotent on the alert id: the alert joins the open incident of
 * its rule and group key (created when there is none); a replayed alert changes nothing. The same alert
 * id arriving with a higher {@code suppressed_count} (its rule's suppression window closed with further
 * matches) updates the stored alert's count and touches its incident; the same or a lower count is a
 * duplicate.
 */
@Service
class AlertIngest {

	private static final Logger log = LoggerFactory.getLogger(AlertIngest.class);

	enum Outcome {

		/** A new incident was opened for the alert. */
		NEW_INCIDENT,
		/** The alert joined an open incident. */
		ADDED,
		/** The alert was stored before with a lower suppressed count: the count was raised. */
		SUPPRESSED_COUNT_UPDATED,
		/** The alert was stored before (with the same or a higher suppressed count): nothing changed. */
		DUPLICATE

	}

	record Result(Outcome outcome, long incidentId) {
	}

	private final IncidentRepository incidents;

	private final AlertRepository alerts;

	AlertIngest(IncidentRepository incidents, AlertRepository alerts) {
		this.incidents = incidents;
		this.alerts = alerts;
	}

	@Transactional
	Result ingest(AlertJson alert) {
		if (alerts.exists(alert.id())) {
			return updateSuppressedCount(alert);
		}
		Outcome outcome = Outcome.ADDED;
		Incident open = incidents.findOpenForUpdate(alert.ruleId(), alert.groupKey()).orElse(null);
		if (open == null) {
			// ON CONFLICT DO NOTHING: another consumer may open the same incident concurrently; then lock theirs.
			if (incidents.insertOpen(title(alert), alert.ruleId(), alert.ruleName(), alert.severity(),
					alert.hostName(), alert.groupKey(), alert.timestamp()).isPresent()) {
				outcome = Outcome.NEW_INCIDENT;
			}
			open = incidents.findOpenForUpdate(alert.ruleId(), alert.groupKey())
				.orElseThrow(() -> new IllegalStateException("open incident vanished for rule " + alert.ruleId()));
		}
		if (!alerts.insert(alert, open.id())) {
			// The same alert was stored concurrently by another transaction: undo this one entirely.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Result(Outcome.DUPLICATE, open.id());
		}
		Severity severity = open.alertCount() == 0 ? alert.severity() : Severity.max(open.severity(), alert.severity());
		incidents.addAlert(open.id(), severity, alert.timestamp());
		log.info("Alert {} ({}, {}) {} incident {}", alert.id(), alert.ruleName(), alert.groupKey(),
				outcome == Outcome.NEW_INCIDENT ? "opened" : "joined", open.id());
		return new Result(outcome, open.id());
	}

	private Result updateSuppressedCount(AlertJson alert) {
		if (alert.suppressedCount() == 0) {
			return new Result(Outcome.DUPLICATE, -1);
		}
		Long incidentId = alerts.raiseSuppressedCount(alert).orElse(null);
		if (incidentId == null) {
			return new Result(Outcome.DUPLICATE, -1);
		}
		// the suppressed matches are activity on the incident: they widen its last-seen time
		incidents.touch(incidentId, alert.lastSuppressedAt() != null ? alert.lastSuppressedAt() : alert.timestamp());
		log.info("Alert {} ({}, {}) suppressed {} further matches (incident {})", alert.id(), alert.ruleName(),
				alert.groupKey(), alert.suppressedCount(), incidentId);
		return new Result(Outcome.SUPPRESSED_COUNT_UPDATED, incidentId);
	}

	static String title(AlertJson alert) {
		String where = alert.hostName() != null ? alert.hostName() : alert.groupKey();
		return alert.ruleName() + " on " + where;
	}

}
