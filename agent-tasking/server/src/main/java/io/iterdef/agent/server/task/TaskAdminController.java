package io.iterdef.agent.server.task;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Queueing a task through the admin API (admin token) until incident-web's pages do it. */
@RestController
class TaskAdminController {

	private final TaskService tasks;

	TaskAdminController(TaskService tasks) {
		this.tasks = tasks;
	}

	@PostMapping("/admin/v1/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> create(@RequestBody NewTask task) {
		UUID id = tasks.create(task);
		return Map.of("taskId", id.toString());
	}

}
