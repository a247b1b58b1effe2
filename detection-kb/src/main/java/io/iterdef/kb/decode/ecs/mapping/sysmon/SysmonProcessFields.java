package io.iterdef.kb.decode.ecs.mapping.sysmon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.CommandLines;

import java.util.Set;

import static io.iterdef.kb.decode.ecs.mapping.Values.directory;
import static io.iterdef.kb.decode.ecs.mapping.Values.fileName;
import static io.iterdef.kb.decode.ecs.mapping.Values.present;
import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.putExecutable;
import static io.iterdef.kb.decode.ecs.mapping.Values.putHashes;
import static io.iterdef.kb.decode.ecs.mapping.Values.putNumber;
import static io.iterdef.kb.decode.ecs.mapping.Values.putUser;

/**
 * process.*, process.parent.*, user.* and rule.name of a Sysmon event, as Elastic's sysmon_operational pipeline
 * maps them, except user.id (below): the acting process is Image/ProcessId/ProcessGuid, or
 * SourceImage/SourceProcessId/SourceProcessGU[I]D for 8 (CreateRemoteThread) and 10 (ProcessAccess), whose target
 * stays in winlog.event_data (TargetImage, TargetProcessId, GrantedAccess as sent: rules compare it with
 * Values.number). For 20 (WMI consumer) Elastic takes Destination as process.executable; this mapping takes the
 * program of that command (Destination is a command line in Sysmon's quotes, not a path). user.* is the event's
 * User only: Elastic also copies winlog.user.identifier to user.id, but for Sysmon that is the Sysmon service's
 * account (S-1-5-18), which would pair SYSTEM's SID with another user's name; it stays in winlog.user.identifier.
 */
final class SysmonProcessFields {

	/** Ids whose Hashes are the process's (Elastic); for the others they are the file's. */
	private static final Set<Integer> PROCESS_HASHES = Set.of(1, 23, 24, 25);

	private static final String NULL_GUID = "{00000000-0000-0000-0000-000000000000}";

	private SysmonProcessFields() {
	}

	static void map(WinEvent e, ObjectNode ecs) {
		put(ecs, "process.entity_id", guid(first(e, "SourceProcessGuid", "SourceProcessGUID", "ProcessGuid")));
		putNumber(ecs, "process.pid", first(e, "SourceProcessId", "ProcessId"));
		putNumber(ecs, "process.thread.id", e.data("SourceThreadId"));
		String image = first(e, "SourceImage", "Image");
		if (image == null && e.data("Destination") != null) {
			destination(e.data("Destination"), ecs);
		}
		else {
			putExecutable(ecs, "process", image);
		}
		put(ecs, "process.command_line", e.data("CommandLine"));
		CommandLines.putArgs(ecs, "process", e.data("CommandLine"));
		put(ecs, "process.working_directory", e.data("CurrentDirectory"));
		if (e.eventId != 7) {
			pe(e, ecs, "process.pe");
		}
		if (PROCESS_HASHES.contains(e.eventId)) {
			putHashes(ecs, "process", first(e, "Hashes", "Hash"));
		}
		put(ecs, "process.parent.entity_id", guid(e.data("ParentProcessGuid")));
		putNumber(ecs, "process.parent.pid", e.data("ParentProcessId"));
		putExecutable(ecs, "process.parent", e.data("ParentImage"));
		put(ecs, "process.parent.command_line", e.data("ParentCommandLine"));
		CommandLines.putArgs(ecs, "process.parent", e.data("ParentCommandLine"));
		putUser(ecs, "user", e.data("User"));
		// No user.id from System/Security/@UserID (the Sysmon service's account): see the class comment.
		put(ecs, "rule.name", e.data("RuleName"));
	}

	/**
	 * 20's Destination is the consumer's command (" \"C:\\...\\updater.exe /background\"", Sysmon's quotes and leading
	 * space): process.executable is its program, process.name the program's file name.
	 */
	private static void destination(String destination, ObjectNode ecs) {
		String program = CommandLines.executable(destination);
		put(ecs, "process.executable", program);
		if (program != null && directory(program) != null) {
			put(ecs, "process.name", fileName(program));
		}
	}

	/** {prefix}.original_file_name, company, description, file_version, product (Sysmon 1, 6, 7). */
	static void pe(WinEvent e, ObjectNode ecs, String prefix) {
		put(ecs, prefix + ".original_file_name", e.data("OriginalFileName"));
		put(ecs, prefix + ".company", e.data("Company"));
		put(ecs, prefix + ".description", e.data("Description"));
		put(ecs, prefix + ".file_version", e.data("FileVersion"));
		put(ecs, prefix + ".product", e.data("Product"));
	}

	static String first(WinEvent e, String... names) {
		for (String name : names) {
			String v = present(e.data(name));
			if (v != null) {
				return v;
			}
		}
		return null;
	}

	/**
	 * A process GUID in Windows' own rendering, {lower-case}: evtx_dump writes GUIDs upper-case without braces, so
	 * the same process would otherwise get another entity_id per shipper format.
	 */
	static String guid(String value) {
		if (value == null) {
			return null;
		}
		String g = value.strip();
		if (g.length() == 36) {
			g = "{" + g + "}";
		}
		g = g.toLowerCase(java.util.Locale.ROOT);
		return NULL_GUID.equalsIgnoreCase(g) ? null : g;
	}

}
