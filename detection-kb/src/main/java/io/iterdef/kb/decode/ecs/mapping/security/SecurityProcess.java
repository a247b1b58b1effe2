package io.iterdef.kb.decode.ecs.mapping.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.CommandLines;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.putExecutable;
import static io.iterdef.kb.decode.ecs.mapping.Values.putNumber;

/**
 * 4688 (process creation) as Elastic maps it: NewProcessId (hex) as process.pid, NewProcessName as
 * process.executable/name, CommandLine as process.command_line/args, ProcessId (the creator, hex) as
 * process.parent.pid, ParentProcessName (Windows 10 and later) as process.parent.executable/name; the subject as
 * user.*, the target account (when the token is another user's) as user.effective.*.
 */
final class SecurityProcess {

	private SecurityProcess() {
	}

	static void created(WinEvent e, ObjectNode ecs) {
		SecurityUsers.subject(e, ecs);
		SecurityUsers.effective(e, ecs);
		putNumber(ecs, "process.pid", e.data("NewProcessId"));
		putExecutable(ecs, "process", e.data("NewProcessName"));
		put(ecs, "process.command_line", e.data("CommandLine"));
		CommandLines.putArgs(ecs, "process", e.data("CommandLine"));
		putNumber(ecs, "process.parent.pid", e.data("ProcessId"));
		putExecutable(ecs, "process.parent", e.data("ParentProcessName"));
	}

}
