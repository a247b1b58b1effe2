package io.iterdef.web.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident workflow: new -> acknowledged -> investigating -> resolved, reopen; assignment, notes, SLA
 * pauses, merge and split. Each method is one transaction that locks the incident row, checks the step
 * fits the incident's state and the actor's role, changes it (updated_at = now()) and appends the change to
 * audit_log. A step that does not fit throws {@link WorkflowException} with a message for the user; a
 * missing incident throws {@link IncidentNotFoundException}; a role that may not take the step throws
 * {@link AccessDeniedException} (403).
 */
@Service
public class IncidentWorkflow {

	static final int MAX_NOTE_LENGTH = 100_000;

	private final IncidentRepository incidents;

	private final WorkflowRepository workflow;

	private final IncidentAudit audit;

	IncidentWorkflow(IncidentRepository incidents, WorkflowRepository workflow, IncidentAudit audit) {
		this.incidents = incidents;
		this.workflow = workflow;
		this.audit = audit;
	}

	/** new -> acknowledged; stops escalation (the scheduler reads acknowledged_at). */
	@Transactional
	public void acknowledge(long id, Actor actor) {
		Incident before = lock(id);
		requireOpen(before);
		if (before.status() != IncidentStatus.NEW) {
			throw new WorkflowException("Incident " + id + " was already acknowledged by " + before.acknowledgedBy()
					+ "; it is " + before.status().dbValue() + " now");
		}
		workflow.acknowledge(id, actor.username());
		audit.appendChange(actor, "acknowledge", before, reload(id), Map.of());
	}

	/** new or acknowledged -> investigating (acknowledging it too when it was new). */
	@Transactional
	public void startInvestigation(long id, Actor actor) {
		Incident before = lock(id);
		requireOpen(before);
		if (before.status() == IncidentStatus.INVESTIGATING) {
			throw new WorkflowException("Incident " + id + " is already being investigated");
		}
		workflow.investigate(id, actor.username());
		audit.appendChange(actor, "investigate", before, reload(id), Map.of());
	}

	/** Resolves an open incident; a non-blank comment is kept as a note. */
	@Transactional
	public void resolve(long id, Resolution resolution, String comment, Actor actor) {
		if (resolution == null) {
			throw new WorkflowException("Choose a resolution: true positive, false positive, benign or duplicate");
		}
		Incident before = lock(id);
		requireOpen(before);
		Map<String, Object> extra = new LinkedHashMap<>();
		if (comment != null && !comment.isBlank()) {
			extra.put("note_id", workflow.addNote(id, checkedNote(comment), actor.username()));
		}
		workflow.resolve(id, resolution, actor.username());
		audit.appendChange(actor, "resolve", before, reload(id), extra);
	}

	/** Reopens a resolved incident: investigating when it had been acknowledged, else new. */
	@Transactional
	public void reopen(long id, Actor actor) {
		Incident before = lock(id);
		requireReopenable(before);
		workflow.reopen(id);
		audit.appendChange(actor, "reopen", before, reload(id), Map.of());
	}

	/**
	 * Reopens a resolved incident because a new alert of its rule and group key arrived within the reopen
	 * window (alert ingest, actor 'system'); the incident row must be locked by the caller's transaction.
	 */
	@Transactional
	public void reopenForAlert(long id, String alertId, String groupingReason) {
		Incident before = lock(id);
		requireReopenable(before);
		workflow.reopen(id);
		workflow.setGroupingReason(id, groupingReason);
		audit.appendChange(Actor.SYSTEM, "reopen", before, reload(id), Map.of("alert", alertId));
	}

	/**
	 * Sets assignee and team (null or blank = none). A lead or admin may assign anyone; an analyst may only
	 * take the incident (assign it to him- or herself) and not change its team.
	 */
	@Transactional
	public void assign(long id, String assignee, String team, Actor actor) {
		String user = blankToNull(assignee);
		String teamName = blankToNull(team);
		Incident before = lock(id);
		if (!actor.isLead() && (!actor.username().equals(user) || !Objects.equals(teamName, before.team()))) {
			throw new AccessDeniedException("An analyst may only assign an incident to him- or herself; "
					+ "ask a lead to assign it to someone else or to a team");
		}
		if (user != null && !workflow.userExists(user)) {
			throw new WorkflowException("There is no active user '" + user + "'; choose one from the list");
		}
		if (teamName != null && !workflow.teamExists(teamName)) {
			throw new WorkflowException("There is no team '" + teamName + "'; choose one from the list");
		}
		if (Objects.equals(user, before.assignee()) && Objects.equals(teamName, before.team())) {
			throw new WorkflowException("Incident " + id + " is already assigned "
					+ (user == null ? "to nobody" : "to " + user) + (teamName == null ? "" : " (team " + teamName + ")"));
		}
		workflow.assign(id, user, teamName);
		audit.appendChange(actor, "assign", before, reload(id), Map.of());
	}

	/** Sets the assignee (null or blank = nobody) and keeps the team; the rules of {@link #assign} apply. */
	@Transactional
	public void assignUser(long id, String assignee, Actor actor) {
		assign(id, assignee, lock(id).team(), actor);
	}

	/** Adds a Markdown note; it is rendered with raw HTML escaped. Returns the note id. */
	@Transactional
	public long addNote(long id, String markdown, Actor actor) {
		String body = checkedNote(markdown);
		lock(id);
		long noteId = workflow.addNote(id, body, actor.username());
		audit.append(actor, id, "note", null, Map.of("note_id", noteId, "body", body));
		return noteId;
	}

	/** Pauses the SLA clock of an open incident (waiting on others); the reason is required. */
	@Transactional
	public void pauseSla(long id, String reason, Actor actor) {
		String why = blankToNull(reason);
		if (why == null) {
			throw new WorkflowException("Say why the SLA is paused (e.g. waiting on the host owner)");
		}
		Incident before = lock(id);
		requireOpen(before);
		workflow.openPause(id).ifPresent(since -> {
			throw new WorkflowException("The SLA of incident " + id + " is already paused since " + since);
		});
		workflow.pause(id, why, actor.username());
		audit.append(actor, id, "sla_pause", Map.of("paused", false), Map.of("paused", true, "reason", why));
	}

	@Transactional
	public void resumeSla(long id, Actor actor) {
		lock(id);
		if (workflow.openPause(id).isEmpty()) {
			throw new WorkflowException("The SLA of incident " + id + " is not paused");
		}
		workflow.resume(id, actor.username());
		audit.append(actor, id, "sla_resume", Map.of("paused", true), Map.of("paused", false));
	}

	/**
	 * Merges {@code sourceId} into {@code targetId} (lead+): the source's alerts move to the target, the
	 * source is resolved as duplicate with merged_into = target; both are audited.
	 */
	@Transactional
	public void merge(long sourceId, long targetId, Actor actor) {
		requireLead(actor, "merge incidents");
		if (sourceId == targetId) {
			throw new WorkflowException("An incident cannot be merged into itself; give the id of another incident");
		}
		// lock in id order, so two merges of the same pair cannot deadlock
		Incident first = lock(Math.min(sourceId, targetId));
		Incident second = lock(Math.max(sourceId, targetId));
		Incident source = first.id() == sourceId ? first : second;
		Incident target = first.id() == targetId ? first : second;
		if (source.status() == IncidentStatus.RESOLVED) {
			throw new WorkflowException("Incident " + sourceId + " is resolved; reopen it first to merge it");
		}
		if (target.status() == IncidentStatus.RESOLVED) {
			throw new WorkflowException("Incident " + targetId + " is resolved; reopen it first to merge into it");
		}
		int moved = workflow.moveAlerts(sourceId, targetId);
		workflow.markMerged(sourceId, targetId, actor.username());
		workflow.recount(sourceId);
		workflow.recount(targetId);
		audit.appendChange(actor, "merge", source, reload(sourceId), Map.of("alerts_moved", moved));
		audit.appendChange(actor, "merge", target, reload(targetId),
				Map.of("merged_from", sourceId, "alerts_moved", moved));
	}

	/**
	 * Moves one alert out of its incident into a new incident (lead+) and returns the new incident's id. The
	 * new incident has the same rule and the group key {@code <key>#split-<alert id>}, because only one
	 * incident per rule and group key may be open; later alerts of the key still join the original.
	 */
	@Transactional
	public long splitAlert(String alertId, Actor actor) {
		requireLead(actor, "split alerts out of incidents");
		long incidentId = workflow.incidentOfAlert(alertId)
			.orElseThrow(() -> new IncidentNotFoundException("Alert " + alertId + " does not exist"));
		Incident before = lock(incidentId);
		if (before.alertCount() <= 1) {
			throw new WorkflowException("Alert " + alertId + " is the only alert of incident " + incidentId
					+ "; there is nothing to split it from");
		}
		WorkflowRepository.AlertSummary alert = workflow.alert(alertId);
		String reason = "split out of incident " + incidentId + " by " + actor.username() + " (alert " + alertId
				+ ")";
		long split = workflow.insertSplit(before, alert, before.groupKey() + "#split-" + alertId, reason);
		workflow.moveAlert(alertId, split);
		workflow.recount(incidentId);
		workflow.recount(split);
		audit.appendChange(actor, "split", before, reload(incidentId), Map.of("alert", alertId, "split_into", split));
		audit.append(actor, split, "split", null, Map.of("alert", alertId, "split_from", incidentId));
		return split;
	}

	private Incident lock(long id) {
		return incidents.findByIdForUpdate(id).orElseThrow(() -> IncidentNotFoundException.incident(id));
	}

	private Incident reload(long id) {
		return incidents.findById(id).orElseThrow(() -> IncidentNotFoundException.incident(id));
	}

	private static void requireOpen(Incident incident) {
		if (incident.status() == IncidentStatus.RESOLVED) {
			throw new WorkflowException("Incident " + incident.id() + " is already resolved; reopen it first");
		}
	}

	private static void requireReopenable(Incident incident) {
		if (incident.status() != IncidentStatus.RESOLVED) {
			throw new WorkflowException("Incident " + incident.id() + " is not resolved (it is "
					+ incident.status().dbValue() + "); only a resolved incident can be reopened");
		}
		if (incident.mergedInto() != null) {
			throw new WorkflowException("Incident " + incident.id() + " was merged into incident "
					+ incident.mergedInto() + "; work on that one instead");
		}
	}

	private static void requireLead(Actor actor, String what) {
		if (!actor.isLead()) {
			throw new AccessDeniedException("Only a lead or an admin may " + what);
		}
	}

	private static String checkedNote(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			throw new WorkflowException("A note cannot be empty; write some text first");
		}
		if (markdown.length() > MAX_NOTE_LENGTH) {
			throw new WorkflowException("A note can be at most " + MAX_NOTE_LENGTH + " characters long; this one has "
					+ markdown.length());
		}
		return markdown;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
