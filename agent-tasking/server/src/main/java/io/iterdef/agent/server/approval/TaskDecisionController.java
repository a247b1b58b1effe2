package io.iterdef.agent.server.approval;

import java.util.UUID;

import io.iterdef.agent.server.agent.AdminActor;
import io.iterdef.agent.server.task.TaskView;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /admin/v1/tasks/{id}/approve | deny | cancel (admin token; X-Iterdef-Actor is the person deciding). Each
 * answers the task as GET /admin/v1/tasks/{id} shows it.
 */
@RestController
class TaskDecisionController {

	private final TaskDecisionService decisions;

	TaskDecisionController(TaskDecisionService decisions) {
		this.decisions = decisions;
	}

	@PostMapping("/admin/v1/tasks/{taskId}/approve")
	TaskView approve(@PathVariable UUID taskId, @RequestHeader(name = AdminActor.HEADER, required = false) String actor,
			@RequestBody(required = false) Decision decision) {
		return decisions.approve(taskId, AdminActor.require(actor), Decision.note(decision));
	}

	@PostMapping("/admin/v1/tasks/{taskId}/deny")
	TaskView deny(@PathVariable UUID taskId, @RequestHeader(name = AdminActor.HEADER, required = false) String actor,
			@RequestBody(required = false) Decision decision) {
		return decisions.deny(taskId, AdminActor.require(actor), Decision.note(decision));
	}

	@PostMapping("/admin/v1/tasks/{taskId}/cancel")
	TaskView cancel(@PathVariable UUID taskId, @RequestHeader(name = AdminActor.HEADER, required = false) String actor,
			@RequestBody(required = false) Decision decision) {
		return decisions.cancel(taskId, AdminActor.require(actor), Decision.note(decision));
	}

	/** The optional body: a note on the decision. */
	record Decision(String note) {

		static String note(Decision decision) {
			return decision == null ? null : decision.note();
		}

	}

}
