package io.iterdef.kb.decode.ecs.mapping.security;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * 4698, 4699, 4702 (scheduled task created, deleted, updated): the subject as user.*, TaskName as
 * winlog.scheduled_task.name, and from the task XML (TaskContent, TaskContentNew for 4702) the URI and the actions
 * as winlog.scheduled_task.uri and .actions[{type exec|com_handler, command, arguments, working_directory, class_id}],
 * the shape of Elastic's scheduled_task pipeline (which reads an agent-side XML decode; this reads the elements
 * directly, entities decoded).
 */
final class ScheduledTasks {

	private static final Pattern EXEC = Pattern.compile("<Exec>(.*?)</Exec>", Pattern.DOTALL);

	private static final Pattern COM = Pattern.compile("<ComHandler>(.*?)</ComHandler>", Pattern.DOTALL);

	private ScheduledTasks() {
	}

	static void map(WinEvent e, ObjectNode ecs) {
		SecurityUsers.subject(e, ecs);
		put(ecs, "winlog.scheduled_task.name", trimmed(e.data("TaskName")));
		String xml = Values.present(e.eventId == 4702 ? e.data("TaskContentNew") : e.data("TaskContent"));
		if (xml == null) {
			return;
		}
		if (!xml.contains("<Task") && xml.contains("&lt;")) {
			xml = unescape(xml); // NXLog sends the task XML entity-encoded
		}
		put(ecs, "winlog.scheduled_task.uri", element(xml, "URI"));
		ArrayNode actions = null;
		Matcher exec = EXEC.matcher(xml);
		while (exec.find()) {
			actions = actions == null ? Values.object(ecs, "winlog.scheduled_task").putArray("actions") : actions;
			ObjectNode action = actions.addObject().put("type", "exec");
			put(action, "command", element(exec.group(1), "Command"));
			put(action, "arguments", element(exec.group(1), "Arguments"));
			put(action, "working_directory", element(exec.group(1), "WorkingDirectory"));
		}
		Matcher com = COM.matcher(xml);
		while (com.find()) {
			actions = actions == null ? Values.object(ecs, "winlog.scheduled_task").putArray("actions") : actions;
			ObjectNode action = actions.addObject().put("type", "com_handler");
			put(action, "class_id", element(com.group(1), "ClassId"));
		}
	}

	/** The text of the first element of that name, XML entities decoded; null when absent or empty. */
	static String element(String xml, String name) {
		Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
		return m.find() ? trimmed(unescape(m.group(1))) : null;
	}

	private static String unescape(String s) {
		return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
			.replace("&amp;", "&");
	}

}
