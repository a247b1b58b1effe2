package io.iterdef.agent.server.approval;

import java.util.UUID;

import io.iterdef.agent.server.system.ApiException;
import io.iterdef.agent.server.task.QueuedTaskNotifier;
import io.iterdef.agent.server.task.TaskService;
import io.iterdef.agent.server.task.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approve, deny or cancel a task. The four-eyes rule: the person who asked for a task can neither approve nor deny
 * it (409 with who asked); they withdraw it with cancel. A task that is not waiting for that decision is 409.
 */
@Service
public class TaskDecisionService {

	static final int MAX_NOTE_CHARS = 2000;

	private static final Logger log = LoggerFactory.getLogger(TaskDecisionService.class);

	private final TaskDecisionRepository decisions;

	private final TaskService tasks;

	private final QueuedTaskNotifier queued;

	TaskDecisionService(TaskDecisionRepository decisions, TaskService tasks, QueuedTaskNotifier queued) {
		this.decisions = decisions;
		this.tasks = tasks;
		this.queued = queued;
	}

	@Transactional
	public TaskView approve(UUID id, String approver, String note) {
		TaskDecisionRepository.Decidable task = awaiting(id, "approve");
		secondPerson(task, approver, "approve");
		if (!decisions.approve(id, approver, note(note))) {
			throw changedMeanwhile(id);
		}
		log.info("task {} approved by {} (asked for by {})", id, approver, task.requestedBy());
		TaskView approved = view(id);
		queued.queued(UUID.fromString(approved.agentId()));
		return approved;
	}

	@Transactional
	public TaskView deny(UUID id, String decider, String note) {
		if (note == null || note.isBlank()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "no note", "say why the task is denied ({\"note\": \"...\"})");
		}
		TaskDecisionRepository.Decidable task = awaiting(id, "deny");
		secondPerson(task, decider, "deny");
		if (!decisions.deny(id, decider, note(note))) {
			throw changedMeanwhile(id);
		}
		log.info("task {} denied by {} (asked for by {})", id, decider, task.requestedBy());
		return view(id);
	}

	@Transactional
	public TaskView cancel(UUID id, String actor, String note) {
		TaskDecisionRepository.Decidable task = find(id);
		if (!decisions.cancel(id, actor, note(note))) {
			throw new ApiException(HttpStatus.CONFLICT, "task " + id + " is " + task.state() + " and cannot be cancelled",
					"only a task awaiting approval or queued (not yet leased by its agent) can be cancelled");
		}
		log.info("task {} cancelled by {}", id, actor);
		return view(id);
	}

	private TaskDecisionRepository.Decidable awaiting(UUID id, String verb) {
		TaskDecisionRepository.Decidable task = find(id);
		if (!"awaiting_approval".equals(task.state())) {
			throw new ApiException(HttpStatus.CONFLICT, "task " + id + " is " + task.state() + ", not awaiting approval",
					"only a task awaiting approval can be " + (verb.equals("approve") ? "approved" : "denied"));
		}
		return task;
	}

	private static void secondPerson(TaskDecisionRepository.Decidable task, String actor, String verb) {
		if (task.requestedBy().equals(actor)) {
			throw new ApiException(HttpStatus.CONFLICT,
					"a second person must " + verb + ": " + task.requestedBy() + " asked for this task",
					"ask another analyst to " + verb + " it" + (verb.equals("deny") ? " (or cancel your own request)" : ""));
		}
	}

	private TaskDecisionRepository.Decidable find(UUID id) {
		return decisions.find(id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no task " + id, "use the id the server gave"));
	}

	private TaskView view(UUID id) {
		return tasks.view(id).orElseThrow(() -> new IllegalStateException("task " + id + " vanished"));
	}

	private static ApiException changedMeanwhile(UUID id) {
		return new ApiException(HttpStatus.CONFLICT, "task " + id + " was decided or changed meanwhile",
				"read the task again (GET /admin/v1/tasks/" + id + ")");
	}

	private static String note(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		if (note.length() > MAX_NOTE_CHARS) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "note too long", "at most " + MAX_NOTE_CHARS + " characters");
		}
		return note.strip();
	}

}
