package io.iterdef.kb.decode.ecs.mapping.taskscheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;
import io.iterdef.kb.decode.ecs.mapping.Values;

import static io.iterdef.kb.decode.ecs.mapping.Classification.of;
import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * Microsoft-Windows-TaskScheduler/Operational: 106 task registered, 140 updated, 141 deleted, 200 action started,
 * 201 action completed. Elastic has no pipeline for this channel; the categorization mirrors Elastic's for the
 * Security task events 4698/4699/4702 (configuration creation/change/deletion) and, for the actions, process
 * start/end. TaskName as winlog.scheduled_task.name (the field Elastic's scheduled_task pipeline fills for
 * 4698), the registering user (UserContext, UserName: "DOMAIN\\user") as user.*, the action (ActionName: a program
 * path, or a COM handler) as winlog.scheduled_task.action_name and, when it is a path, process.executable/name;
 * 201's ResultCode decides event.outcome.
 */
public final class TaskSchedulerMappings {

	private TaskSchedulerMappings() {
	}

	public static MappingTable table() {
		return new MappingTable()
			.put(106, of("configuration", "scheduled-task-registered", "creation"), TaskSchedulerMappings::task)
			.put(140, of("configuration", "scheduled-task-updated", "change"), TaskSchedulerMappings::task)
			.put(141, of("configuration", "scheduled-task-deleted", "deletion"), TaskSchedulerMappings::task)
			.put(200, of("process", "scheduled-task-action-started", "start"), TaskSchedulerMappings::action)
			.put(201, of("process", "scheduled-task-action-completed", "end"), TaskSchedulerMappings::action);
	}

	private static void task(WinEvent e, ObjectNode ecs) {
		put(ecs, "winlog.scheduled_task.name", trimmed(e.data("TaskName")));
		String user = Values.present(e.data("UserContext"));
		Values.putUser(ecs, "user", user != null ? user : e.data("UserName"));
	}

	private static void action(WinEvent e, ObjectNode ecs) {
		put(ecs, "winlog.scheduled_task.name", trimmed(e.data("TaskName")));
		put(ecs, "winlog.scheduled_task.instance_id", trimmed(e.data("TaskInstanceId")));
		String action = trimmed(e.data("ActionName"));
		put(ecs, "winlog.scheduled_task.action_name", action);
		if (action != null && action.indexOf('\\') >= 0 && !action.startsWith("{")) {
			Values.putExecutable(ecs, "process", action);
		}
		Long result = Values.number(e.data("ResultCode"));
		if (e.eventId == 201 && result != null) {
			put(ecs, "event.outcome", result == 0 ? "success" : "failure");
		}
	}

}
