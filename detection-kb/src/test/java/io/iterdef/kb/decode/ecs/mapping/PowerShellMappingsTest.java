package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import org.junit.jupiter.api.Test;

import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.at;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.event;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.map;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.text;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

class PowerShellMappingsTest {

	private static final String CONTEXT = "\r\n\tNewEngineState=Available\r\n\tPreviousEngineState=None\r\n\r\n"
			+ "\tSequenceNumber=13\r\n\r\n\tHostName=ConsoleHost\r\n\tHostVersion=5.1.19041.3996\r\n"
			+ "\tHostId=3f1d2c4b-8a9e-4f0d-b1c2-9d8e7f6a5b4c\r\n"
			+ "\tHostApplication=powershell.exe -nop -w hidden -enc SQBFAFgA\r\n\tEngineVersion=5.1.19041.3996\r\n"
			+ "\tRunspaceId=9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\r\n\tPipelineId=\r\n\tCommandName=\r\n"
			+ "\tCommandType=\r\n\tScriptName=\r\n\tCommandPath=\r\n\tCommandLine=";

	@Test
	void shouldParseContextWhenEngineStartedWithParameters() {
		WinEvent e = event("Windows PowerShell", "PowerShell", 400);
		e.unnamedData.add("Available");
		e.eventData.put("param1", "Available");
		e.eventData.put("param2", "None");
		e.eventData.put("param3", CONTEXT);
		ObjectNode ecs = map(e);
		assertThat(texts(ecs, "event.category")).containsExactly("process");
		assertThat(texts(ecs, "event.type")).containsExactly("start");
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell.exe -nop -w hidden -enc SQBFAFgA");
		assertThat(texts(ecs, "process.args")).contains("-enc");
		assertThat(text(ecs, "process.entity_id")).isEqualTo("3f1d2c4b-8a9e-4f0d-b1c2-9d8e7f6a5b4c");
		assertThat(text(ecs, "process.title")).isEqualTo("ConsoleHost");
		assertThat(text(ecs, "powershell.engine.new_state")).isEqualTo("Available");
		assertThat(text(ecs, "powershell.engine.version")).isEqualTo("5.1.19041.3996");
		assertThat(at(ecs, "event.sequence").asInt()).isEqualTo(13);
		assertThat(at(ecs, "powershell.pipeline_id").isMissingNode()).isTrue();
	}

	@Test
	void shouldReadUnnamedDataByPositionWhenEngineStartedFromWindowsXml() {
		WinEvent e = event("Windows PowerShell", "PowerShell", 400);
		e.unnamedData.add("Available");
		e.unnamedData.add("None");
		e.unnamedData.add(CONTEXT);
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell.exe -nop -w hidden -enc SQBFAFgA");
		assertThat(text(ecs, "powershell.engine.new_state")).isEqualTo("Available");
		assertThat(text(ecs, "powershell.engine.previous_state")).isEqualTo("None");
		assertThat(at(ecs, "event.sequence").asInt()).isEqualTo(13);
	}

	@Test
	void shouldReadUnnamedDataByPositionWhenPipelineDetailsFromWindowsXml() {
		WinEvent e = event("Windows PowerShell", "PowerShell", 800);
		e.unnamedData.add("Get-Process");
		e.unnamedData.add("\tDetailSequence=1\r\n\tDetailTotal=1\r\n\r\n\tSequenceNumber=41\r\n\r\n"
				+ "\tUserId=CORP\\jdoe\r\n\tHostApplication=powershell.exe\r\n\tCommandLine=Get-Process");
		e.unnamedData.add("CommandInvocation(Get-Process): \"Get-Process\"\r\n");
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell.exe");
		assertThat(text(ecs, "powershell.command.value")).isEqualTo("Get-Process");
		assertThat(at(ecs, "powershell.total").asInt()).isEqualTo(1);
		assertThat(text(ecs, "powershell.command.invocation_details.0.type")).isEqualTo("CommandInvocation");
	}

	@Test
	void shouldNumberUnnamedDataAfterNamedParametersWhenMixed() {
		WinEvent e = event("Windows PowerShell", "PowerShell", 400, "param1", "named");
		e.unnamedData.add("second");
		e.unnamedData.add("third");
		assertThat(e.param(1)).isEqualTo("named");
		assertThat(e.param(2)).isEqualTo("second");
		assertThat(e.param(3)).isEqualTo("third");
		assertThat(e.param(4)).isNull();
	}

	@Test
	void shouldParseMessageWhenPipelineDetailsWithoutParameters() {
		WinEvent e = event("Windows PowerShell", "PowerShell", 800);
		e.message = "Pipeline execution details for command line: Get-Process . \r\n\r\nContext Information: \r\n"
				+ "\tDetailSequence=1\r\n\tDetailTotal=1\r\n\r\n\tSequenceNumber=41\r\n\r\n\tUserId=CORP\\jdoe\r\n"
				+ "\tHostName=ConsoleHost\r\n\tHostApplication=C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\r\n"
				+ "\r\n\r\nDetails: \r\nCommandInvocation(Get-Process): \"Get-Process\"\r\n"
				+ "ParameterBinding(Get-Process): name=\"Name\"; value=\"lsass\"\r\n";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "event.action")).isEqualTo("Pipeline Execution Details");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
		assertThat(text(ecs, "process.command_line"))
			.isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
		assertThat(at(ecs, "powershell.total").asInt()).isEqualTo(1);
		assertThat(text(ecs, "powershell.command.invocation_details.0.type")).isEqualTo("CommandInvocation");
		assertThat(text(ecs, "powershell.command.invocation_details.1.name")).isEqualTo("\"Name\"");
		assertThat(text(ecs, "powershell.command.invocation_details.1.value")).isEqualTo("\"lsass\"");
	}

	@Test
	void shouldParseContextInfoWhenModuleLogging() {
		ObjectNode ecs = map(event("Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", 4103,
				"ContextInfo", "        Severity = Informational\r\n        Host Name = ConsoleHost\r\n"
						+ "        Host Version = 5.1.19041.3996\r\n        Host ID = 0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5\r\n"
						+ "        Host Application = powershell.exe -ep bypass -c IEX(gc a.ps1)\r\n"
						+ "        Engine Version = 5.1.19041.3996\r\n        Runspace ID = 11111111-2222-3333-4444-555555555555\r\n"
						+ "        Pipeline ID = 7\r\n        Command Name = Invoke-WebRequest\r\n"
						+ "        Command Type = Cmdlet\r\n        Script Name = \r\n        Command Path = \r\n"
						+ "        Sequence Number = 22\r\n        User = CORP\\jdoe\r\n        Connected User = \r\n"
						+ "        Shell ID = Microsoft.PowerShell\r\n",
				"UserData", "", "Payload",
				"CommandInvocation(Invoke-WebRequest): \"Invoke-WebRequest\"\r\nParameterBinding(Invoke-WebRequest): "
						+ "name=\"Uri\"; value=\"http://198.51.100.9/a\"\r\n"));
		assertThat(text(ecs, "event.action")).isEqualTo("Executing Pipeline");
		assertThat(texts(ecs, "event.type")).containsExactly("info");
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell.exe -ep bypass -c IEX(gc a.ps1)");
		assertThat(text(ecs, "process.entity_id")).isEqualTo("0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5");
		assertThat(text(ecs, "powershell.command.name")).isEqualTo("Invoke-WebRequest");
		assertThat(text(ecs, "powershell.id")).isEqualTo("Microsoft.PowerShell");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(at(ecs, "source.user").isMissingNode()).isTrue();
		assertThat(text(ecs, "powershell.command.invocation_details.1.value")).isEqualTo("\"http://198.51.100.9/a\"");
	}

	@Test
	void shouldMapScriptBlockWhenScriptBlockLogging() {
		WinEvent e = event("Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", 4104,
				"MessageNumber", "2", "MessageTotal", "3", "ScriptBlockText", "$c = New-Object Net.WebClient",
				"ScriptBlockId", "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e", "Path", "C:\\Users\\jdoe\\run.ps1");
		e.userSid = "S-1-5-21-1-2-3-1104";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "powershell.file.script_block_text")).isEqualTo("$c = New-Object Net.WebClient");
		assertThat(text(ecs, "powershell.file.script_block_id")).isEqualTo("5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e");
		assertThat(at(ecs, "powershell.sequence").asInt()).isEqualTo(2);
		assertThat(at(ecs, "powershell.total").asInt()).isEqualTo(3);
		assertThat(text(ecs, "file.name")).isEqualTo("run.ps1");
		assertThat(text(ecs, "user.id")).isEqualTo("S-1-5-21-1-2-3-1104");
	}

}
