package io.iterdef.kb.decode.ecs.mapping.powershell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Classification;
import io.iterdef.kb.decode.ecs.mapping.CommandLines;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.Map;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.putNumber;

/**
 * PowerShell: "Windows PowerShell" 400 (engine started) and 800 (pipeline execution details); PowerShell/Operational
 * 4103 (module logging) and 4104 (script block logging). Fields as Elastic's windows.powershell and
 * windows.powershell_operational pipelines map them (elastic/integrations packages/windows/data_stream/powershell
 * and powershell_operational): event.category process, event.type start for 400 and info otherwise; HostApplication
 * as process.command_line (+args), HostId as process.entity_id, HostName as process.title, powershell.engine.*,
 * powershell.command.*, powershell.file.script_block_*, powershell.sequence/total, UserId/User as user.*,
 * ScriptName/Path as file.*. event.action is the event's task name, as Winlogbeat sets it.
 */
public final class PowerShellMappings {

	private PowerShellMappings() {
	}

	/** Channel "Windows PowerShell". */
	public static MappingTable classic() {
		return new MappingTable()
			.put(400, Classification.of("process", "Engine Lifecycle", "start"), PowerShellMappings::classicFields)
			.put(800, Classification.of("process", "Pipeline Execution Details", "info"),
					PowerShellMappings::classicFields);
	}

	/** Channel "Microsoft-Windows-PowerShell/Operational". */
	public static MappingTable operational() {
		return new MappingTable()
			.put(4103, Classification.of("process", "Executing Pipeline", "info"), PowerShellMappings::moduleLogging)
			.put(4104, Classification.of("process", "Execute a Remote Command", "info"),
					PowerShellMappings::scriptBlock);
	}

	private static void classicFields(WinEvent e, ObjectNode ecs) {
		// Windows XML carries the parameters as unnamed Data: WinEvent.param reads them by position.
		String details = e.eventId == 800 ? e.param(2) : e.param(3);
		Map<String, String> p = PowerShellText.pairs(details, e.param(3), e.param(2), e.message);
		common(p, ecs);
		Values.putUser(ecs, "user", p.get("UserId"));
		putNumber(ecs, "event.sequence", p.get("SequenceNumber"));
		putNumber(ecs, "powershell.sequence", p.get("DetailSequence"));
		putNumber(ecs, "powershell.total", p.get("DetailTotal"));
		put(ecs, "powershell.engine.new_state", p.get("NewEngineState"));
		put(ecs, "powershell.engine.previous_state", p.get("PreviousEngineState"));
		put(ecs, "powershell.pipeline_id", p.get("PipelineId"));
		if (e.eventId == 800) {
			String invocation = Values.present(e.param(3));
			PowerShellText.invocationDetails(ecs, invocation != null ? invocation : e.message);
		}
	}

	private static void moduleLogging(WinEvent e, ObjectNode ecs) {
		Map<String, String> p = PowerShellText.pairs(e.data("ContextInfo"));
		common(p, ecs);
		Values.putUser(ecs, "user", p.get("User"));
		Values.putUser(ecs, "source.user", p.get("ConnectedUser"));
		putNumber(ecs, "event.sequence", p.get("SequenceNumber"));
		put(ecs, "powershell.id", p.get("ShellID"));
		put(ecs, "powershell.pipeline_id", p.get("PipelineID"));
		put(ecs, "powershell.runspace_id", p.get("RunspaceID"));
		put(ecs, "process.entity_id", p.get("HostID"));
		PowerShellText.invocationDetails(ecs, e.data("Payload"));
		put(ecs, "user.id", e.userSid);
	}

	private static void scriptBlock(WinEvent e, ObjectNode ecs) {
		put(ecs, "powershell.file.script_block_text", e.data("ScriptBlockText"));
		put(ecs, "powershell.file.script_block_id", Values.trimmed(e.data("ScriptBlockId")));
		putNumber(ecs, "powershell.sequence", e.data("MessageNumber"));
		putNumber(ecs, "powershell.total", e.data("MessageTotal"));
		Values.putFile(ecs, "file", e.data("Path"));
		put(ecs, "user.id", e.userSid);
		put(ecs, "user.name", Values.trimmed(e.userName));
		put(ecs, "user.domain", Values.trimmed(e.userDomain));
	}

	private static void common(Map<String, String> p, ObjectNode ecs) {
		put(ecs, "process.entity_id", p.get("HostId"));
		put(ecs, "process.command_line", p.get("HostApplication"));
		CommandLines.putArgs(ecs, "process", p.get("HostApplication"));
		put(ecs, "process.title", p.get("HostName"));
		put(ecs, "powershell.process.executable_version", p.get("HostVersion"));
		put(ecs, "powershell.engine.version", p.get("EngineVersion"));
		put(ecs, "powershell.runspace_id", p.get("RunspaceId"));
		put(ecs, "powershell.command.value", p.get("CommandLine"));
		put(ecs, "powershell.command.path", p.get("CommandPath"));
		put(ecs, "powershell.command.name", p.get("CommandName"));
		put(ecs, "powershell.command.type", p.get("CommandType"));
		Values.putFile(ecs, "file", p.get("ScriptName"));
	}

}
