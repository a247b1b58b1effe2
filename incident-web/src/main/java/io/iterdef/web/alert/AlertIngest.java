package io.iterdef.web.alert;

import java.time.Duration;
import java.time.Instant;

import io.iterdef.web.incident.Incident;
import io.iterdef.web.incident.IncidentRepository;
import io.iterdef.web.incident.IncidentWorkflow;
import io.iterdef.web.incident.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Turns an alert into incident state, idempotent on the alert id: the alert joins the open incident of
 * its rule and group key; when there is none, it goes to the incident its last resolved one was merged into
 * (while that is open), or reopens the last resolved one as the {@link ReopenPolicy} says, or opens a new
 * incident. Ingest is serialized per rule and group key (an advisory lock), so concurrent consumers cannot
 * open two. A replayed alert changes nothing. The same alert id arriving with a higher
 * {@code suppressed_count} (its rule's suppression window closed with further matches) updates the stored
 * alert's count and touches its incident; the same or a lower count is a duplicate.
 */
@Service
class AlertIngest {

	private static final Logger log = LoggerFactory.getLogger(AlertIngest.class);

	/** Longest chain of merges followed from a resolved incident to the one that took its alerts. */
	private static final int MAX_MERGE_HOPS = 10;

	enum Outcome {

		/** A new incident was opened for the alert. */
		NEW_INCIDENT,
		/** The alert joined an open incident. */
		ADDED,
		/** The alert reopened the recently resolved incident of its rule and group key. */
		REOPENED,
		/** The alert was stored before with a lower suppressed count: the count was raised. */
		SUPPRESSED_COUNT_UPDATED,
		/** The alert was stored before (with the same or a higher suppressed count): nothing changed. */
		DUPLICATE

	}

	record Result(Outcome outcome, long incidentId) {
	}

	private final IncidentRepository incidents;

	private final AlertRepository alerts;

	private final IncidentWorkflow workflow;

	private final ReopenPolicy reopenPolicy;

	AlertIngest(IncidentRepository incidents, AlertRepository alerts, IncidentWorkflow workflow,
			@Value("${iterdef.incidents.reopen-within:PT1H}") Duration reopenWithin) {
		this.incidents = incidents;
		this.alerts = alerts;
		this.workflow = workflow;
		this.reopenPolicy = new ReopenPolicy(reopenWithin);
	}

	@Transactional
	Result ingest(AlertJson alert) {
		incidents.lockGroup(alert.ruleId(), alert.groupKey());
		if (alerts.exists(alert.id())) {
			return updateSuppressedCount(alert);
		}
		Outcome outcome = Outcome.ADDED;
		Incident open = incidents.findOpenForUpdate(alert.ruleId(), alert.groupKey()).orElse(null);
		if (open == null) {
			Incident last = incidents.findLastResolvedForUpdate(alert.ruleId(), alert.groupKey()).orElse(null);
			if (last != null && last.mergedInto() != null) {
				open = openMergeTarget(last);
			}
			else if (last != null && reopenPolicy.reopens(last, Instant.now())) {
				workflow.reopenForAlert(last.id(), alert.id(), reopenReason(alert, last));
				open = incidents.findByIdForUpdate(last.id()).orElseThrow();
				outcome = Outcome.REOPENED;
			}
		}
		if (open == null) {
			// ON CONFLICT DO NOTHING: another consumer may open the same incident concurrently; then lock theirs.
			if (incidents.insertOpen(title(alert), alert.ruleId(), alert.ruleName(), alert.severity(),
					alert.hostName(), alert.groupKey(), alert.timestamp(), groupingReason(alert)).isPresent()) {
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
				switch (outcome) {
					case NEW_INCIDENT -> "opened";
					case REOPENED -> "reopened";
					default -> "joined";
				}, open.id());
		return new Result(outcome, open.id());
	}

	/** The open incident a resolved one was merged into (following merges), or null when it is not open. */
	private Incident openMergeTarget(Incident merged) {
		Incident current = merged;
		for (int hop = 0; hop < MAX_MERGE_HOPS && current != null && current.mergedInto() != null; hop++) {
			current = incidents.findByIdForUpdate(current.mergedInto()).orElse(null);
		}
		return current != null && current.status().isOpen() ? current : null;
	}

	static String groupingReason(AlertJson alert) {
		String entity = alert.groupKey().equals(alert.hostName()) ? "host " + alert.hostName()
				: "group key " + alert.groupKey() + (alert.hostName() == null ? "" : " (host " + alert.hostName() + ")");
		return "rule " + alert.ruleName() + " (" + alert.ruleId() + "), " + entity
				+ ": its alerts join this incident while it is open";
	}

	private String reopenReason(AlertJson alert, Incident resolved) {
		Duration ago = Duration.between(resolved.resolvedAt(), Instant.now());
		return groupingReason(alert) + "; reopened by alert " + alert.id() + " " + ago.toSeconds()
				+ " s after it was resolved as true positive (reopen window " + reopenPolicy.window() + ")";
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
