package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.at;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.event;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.map;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.text;
import static io.iterdef.kb.decode.ecs.mapping.MappingFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

class SysmonMappingsTest {

	private static final String CHANNEL = "Microsoft-Windows-Sysmon/Operational";

	private static final String PROVIDER = "Microsoft-Windows-Sysmon";

	@Test
	void shouldMapProcessFieldsWhenSysmonProcessCreate() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 1, "RuleName", "-", "UtcTime", "2024-03-05 09:14:22.512",
				"ProcessGuid", "{5b1c3a2e-e3f6-65e6-4c01-000000001c00}", "ProcessId", "6120", "Image",
				"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "FileVersion", "10.0.19041.3996",
				"Description", "Windows PowerShell", "Product", "Microsoft® Windows® Operating System", "Company",
				"Microsoft Corporation", "OriginalFileName", "PowerShell.EXE", "CommandLine",
				"powershell.exe -nop -w hidden -enc SQBFAFgA ", "CurrentDirectory", "C:\\Users\\jdoe\\Downloads\\",
				"User", "CORP\\jdoe", "LogonGuid", "{5b1c3a2e-d9a0-65e6-a3f1-0a0000000000}", "LogonId",
				"0xaf1a3", "IntegrityLevel", "Medium", "Hashes",
				"SHA1=8A7A1B3C2D4E5F60718293A4B5C6D7E8F9012345,MD5=0C6E2A8F4B7D9E1A3C5F7B9D1E3A5C7F,"
						+ "SHA256=1F2E3D4C5B6A79881726354453627180F9E8D7C6B5A4938271605F4E3D2C1B0A,"
						+ "IMPHASH=0000000000000000000000000000000A",
				"ParentProcessGuid", "{5b1c3a2e-e3f0-65e6-4a01-000000001c00}", "ParentProcessId", "4432",
				"ParentImage", "C:\\Windows\\System32\\wscript.exe", "ParentCommandLine",
				"\"C:\\Windows\\System32\\WScript.exe\" \"C:\\Users\\jdoe\\Downloads\\invoice.vbs\"", "ParentUser",
				"CORP\\jdoe"));

		assertThat(texts(ecs, "event.category")).containsExactly("process");
		assertThat(texts(ecs, "event.type")).containsExactly("start");
		assertThat(text(ecs, "event.action")).isEqualTo("Process creation");
		assertThat(at(ecs, "process.pid").asLong()).isEqualTo(6120);
		assertThat(at(ecs, "process.pid").isNumber()).isTrue();
		assertThat(text(ecs, "process.executable"))
			.isEqualTo("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe");
		assertThat(text(ecs, "process.name")).isEqualTo("powershell.exe");
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell.exe -nop -w hidden -enc SQBFAFgA ");
		assertThat(texts(ecs, "process.args")).containsExactly("powershell.exe", "-nop", "-w", "hidden", "-enc",
				"SQBFAFgA");
		assertThat(at(ecs, "process.args_count").asInt()).isEqualTo(6);
		assertThat(text(ecs, "process.entity_id")).isEqualTo("{5b1c3a2e-e3f6-65e6-4c01-000000001c00}");
		assertThat(text(ecs, "process.working_directory")).isEqualTo("C:\\Users\\jdoe\\Downloads\\");
		assertThat(text(ecs, "process.pe.original_file_name")).isEqualTo("PowerShell.EXE");
		assertThat(text(ecs, "process.pe.company")).isEqualTo("Microsoft Corporation");
		assertThat(text(ecs, "process.hash.sha1")).isEqualTo("8a7a1b3c2d4e5f60718293a4b5c6d7e8f9012345");
		assertThat(text(ecs, "process.hash.md5")).isEqualTo("0c6e2a8f4b7d9e1a3c5f7b9d1e3a5c7f");
		assertThat(text(ecs, "process.hash.sha256")).startsWith("1f2e3d4c");
		assertThat(text(ecs, "process.pe.imphash")).isEqualTo("0000000000000000000000000000000a");
		assertThat(at(ecs, "process.parent.pid").asLong()).isEqualTo(4432);
		assertThat(text(ecs, "process.parent.name")).isEqualTo("wscript.exe");
		assertThat(text(ecs, "process.parent.entity_id")).isEqualTo("{5b1c3a2e-e3f0-65e6-4a01-000000001c00}");
		assertThat(texts(ecs, "process.parent.args")).containsExactly("C:\\Windows\\System32\\WScript.exe",
				"C:\\Users\\jdoe\\Downloads\\invoice.vbs");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
		assertThat(at(ecs, "rule").isMissingNode()).isTrue();
		assertThat(at(ecs, "file").isMissingNode()).isTrue();
	}

	@Test
	void shouldUseSourceProcessAndKeepTargetInEventDataWhenProcessAccess() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 10, "RuleName", "technique_id=T1003,technique_name=LSASS",
				"SourceProcessGUID", "{7c2a1f0e-11aa-65e6-9b02-000000002100}", "SourceProcessId", "3316",
				"SourceThreadId", "5120", "SourceImage", "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\powershell.exe",
				"TargetProcessGUID", "{7c2a1f0e-0b12-65e6-0c00-000000002100}", "TargetProcessId", "704",
				"TargetImage", "C:\\Windows\\system32\\lsass.exe", "GrantedAccess", "0x00001010", "CallTrace",
				"C:\\Windows\\SYSTEM32\\ntdll.dll+9c534|UNKNOWN(000001F2A3B4C5D6)"));

		assertThat(texts(ecs, "event.category")).containsExactly("process");
		assertThat(texts(ecs, "event.type")).containsExactly("access");
		assertThat(text(ecs, "event.action")).isEqualTo("ProcessAccess");
		assertThat(at(ecs, "process.pid").asLong()).isEqualTo(3316);
		assertThat(at(ecs, "process.thread.id").asLong()).isEqualTo(5120);
		assertThat(text(ecs, "process.name")).isEqualTo("powershell.exe");
		assertThat(text(ecs, "process.entity_id")).isEqualTo("{7c2a1f0e-11aa-65e6-9b02-000000002100}");
		assertThat(text(ecs, "rule.name")).isEqualTo("technique_id=T1003,technique_name=LSASS");
		assertThat(Values.number("0x00001010")).isEqualTo(0x1010L);
	}

	@Test
	void shouldMapNetworkFieldsWhenNetworkConnection() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 3, "ProcessGuid", "{1d7f0a3c-4c21-65e6-5e03-000000002200}",
				"ProcessId", "2204", "Image", "C:\\Users\\jdoe\\AppData\\Local\\Temp\\upd.exe", "User",
				"CORP\\jdoe", "Protocol", "tcp", "Initiated", "true", "SourceIsIpv6", "false", "SourceIp",
				"10.20.4.17", "SourceHostname", "WKS-07.corp.example", "SourcePort", "50122", "SourcePortName", "-",
				"DestinationIsIpv6", "false", "DestinationIp", "203.0.113.45", "DestinationHostname", "-",
				"DestinationPort", "443", "DestinationPortName", "https"));

		assertThat(texts(ecs, "event.type")).containsExactly("start", "connection", "protocol");
		assertThat(texts(ecs, "event.category")).containsExactly("network");
		assertThat(text(ecs, "network.transport")).isEqualTo("tcp");
		assertThat(text(ecs, "network.protocol")).isEqualTo("https");
		assertThat(text(ecs, "network.direction")).isEqualTo("egress");
		assertThat(text(ecs, "network.type")).isEqualTo("ipv4");
		assertThat(text(ecs, "source.ip")).isEqualTo("10.20.4.17");
		assertThat(at(ecs, "source.port").asInt()).isEqualTo(50122);
		assertThat(text(ecs, "source.domain")).isEqualTo("WKS-07.corp.example");
		assertThat(text(ecs, "destination.ip")).isEqualTo("203.0.113.45");
		assertThat(at(ecs, "destination.port").asInt()).isEqualTo(443);
		assertThat(at(ecs, "destination.domain").isMissingNode()).isTrue();
	}

	@Test
	void shouldMapQuestionAndAnswersWhenDnsQuery() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 22, "ProcessId", "5004", "Image",
				"C:\\Program Files\\Mozilla Firefox\\firefox.exe", "QueryName", "cdn.example.org", "QueryStatus", "0",
				"QueryResults", "type:  5 cdn.example.org.edgesuite.net;::ffff:198.51.100.7;::ffff:198.51.100.8;",
				"User", "CORP\\jdoe"));

		assertThat(texts(ecs, "event.category")).containsExactly("network");
		assertThat(texts(ecs, "event.type")).containsExactly("connection", "protocol", "info");
		assertThat(text(ecs, "network.protocol")).isEqualTo("dns");
		assertThat(text(ecs, "dns.question.name")).isEqualTo("cdn.example.org");
		assertThat(texts(ecs, "dns.resolved_ip")).containsExactly("198.51.100.7", "198.51.100.8");
		assertThat(text(ecs, "dns.answers.0.type")).isEqualTo("CNAME");
		assertThat(text(ecs, "dns.answers.0.data")).isEqualTo("cdn.example.org.edgesuite.net");
		assertThat(text(ecs, "dns.answers.1.type")).isEqualTo("A");
		assertThat(text(ecs, "dns.answers.2.data")).isEqualTo("198.51.100.8");
		assertThat(text(ecs, "sysmon.dns.status")).isEqualTo("SUCCESS");
	}

	@Test
	void shouldMapRegistryFieldsWhenValueSet() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 13, "EventType", "SetValue", "ProcessId", "7812", "Image",
				"C:\\Windows\\System32\\reg.exe", "TargetObject",
				"HKU\\S-1-5-21-1111111111-2222222222-3333333333-1104\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater",
				"Details", "DWORD (0x00000010)"));

		assertThat(texts(ecs, "event.category")).containsExactly("configuration", "registry");
		assertThat(texts(ecs, "event.type")).containsExactly("change");
		assertThat(text(ecs, "event.action")).isEqualTo("RegistryEvent (Value Set)");
		assertThat(text(ecs, "registry.hive")).isEqualTo("HKU");
		assertThat(text(ecs, "registry.key")).startsWith("S-1-5-21-1111111111-2222222222-3333333333-1104\\Software");
		assertThat(text(ecs, "registry.value")).isEqualTo("Updater");
		assertThat(texts(ecs, "registry.data.strings")).containsExactly("16");
		assertThat(text(ecs, "registry.data.type")).isEqualTo("SZ_DWORD");

		ObjectNode sz = map(event(CHANNEL, PROVIDER, 13, "TargetObject",
				"HKLM\\System\\CurrentControlSet\\Services\\evil\\ImagePath", "Details", "C:\\ProgramData\\e.exe"));
		assertThat(texts(sz, "registry.data.strings")).containsExactly("C:\\ProgramData\\e.exe");
		assertThat(text(sz, "registry.data.type")).isEqualTo("REG_SZ");
		assertThat(text(sz, "registry.hive")).isEqualTo("HKLM");
	}

	@Test
	void shouldMapFileAndDllFieldsWhenImageLoaded() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 7, "ProcessId", "3316", "Image",
				"C:\\Windows\\System32\\rundll32.exe", "ImageLoaded", "C:\\Users\\Public\\payload.dll",
				"OriginalFileName", "-", "Hashes", "SHA256=ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
				"Signed", "false", "Signature", "-", "SignatureStatus", "Unavailable"));

		assertThat(texts(ecs, "event.category")).containsExactly("process");
		assertThat(text(ecs, "event.action")).isEqualTo("Image loaded");
		assertThat(text(ecs, "file.path")).isEqualTo("C:\\Users\\Public\\payload.dll");
		assertThat(text(ecs, "file.name")).isEqualTo("payload.dll");
		assertThat(text(ecs, "file.directory")).isEqualTo("C:\\Users\\Public");
		assertThat(text(ecs, "file.extension")).isEqualTo("dll");
		assertThat(text(ecs, "dll.path")).isEqualTo("C:\\Users\\Public\\payload.dll");
		assertThat(text(ecs, "dll.name")).isEqualTo("payload.dll");
		assertThat(at(ecs, "dll.code_signature.signed").asBoolean(true)).isFalse();
		assertThat(at(ecs, "dll.code_signature.valid").asBoolean(true)).isFalse();
		assertThat(text(ecs, "dll.code_signature.status")).isEqualTo("Unavailable");
		assertThat(text(ecs, "dll.hash.sha256")).startsWith("abcdef");
		assertThat(text(ecs, "file.hash.sha256")).startsWith("abcdef");
		assertThat(at(ecs, "process.hash").isMissingNode()).isTrue();
		assertThat(at(ecs, "process.pe").isMissingNode()).isTrue();
	}

	@Test
	void shouldMapFileFieldsWhenFileCreateAndPipe() {
		ObjectNode created = map(event(CHANNEL, PROVIDER, 11, "ProcessId", "912", "Image",
				"C:\\Windows\\System32\\cmd.exe", "TargetFilename",
				"C:\\Users\\jdoe\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\run.ps1",
				"CreationUtcTime", "2024-03-05 09:14:20.001"));
		assertThat(texts(created, "event.type")).containsExactly("creation");
		assertThat(text(created, "file.name")).isEqualTo("run.ps1");
		assertThat(text(created, "file.extension")).isEqualTo("ps1");

		ObjectNode pipe = map(event(CHANNEL, PROVIDER, 17, "EventType", "CreatePipe", "PipeName", "\\msagent_4f2a",
				"Image", "C:\\Windows\\System32\\rundll32.exe"));
		assertThat(text(pipe, "event.action")).isEqualTo("PipeEvent (Pipe Created)");
		assertThat(text(pipe, "file.name")).isEqualTo("\\msagent_4f2a");
	}

	@Test
	void shouldSetOutcomeFailureWhenFileBlockExecutable() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 27, "TargetFilename", "C:\\Users\\jdoe\\Downloads\\x.exe",
				"Hashes", "SHA256=00AA", "User", "CORP\\jdoe", "Image", "C:\\Windows\\explorer.exe"));
		assertThat(text(ecs, "event.outcome")).isEqualTo("failure");
		assertThat(texts(ecs, "event.category")).containsExactly("file");
	}

	@Test
	void shouldSetTypeOnlyWhenClipboardChange() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 24, "Image", "C:\\Windows\\System32\\notepad.exe", "Hashes",
				"SHA1=1234567890ABCDEF1234567890ABCDEF12345678"));
		assertThat(at(ecs, "event.category").isMissingNode()).isTrue();
		assertThat(texts(ecs, "event.type")).containsExactly("change");
		assertThat(text(ecs, "process.hash.sha1")).isEqualTo("1234567890abcdef1234567890abcdef12345678");
	}

	@Test
	void shouldTakeProgramOfDestinationWhenWmiConsumer() {
		ObjectNode ecs = map(event(CHANNEL, PROVIDER, 20, "EventType", "WmiConsumerEvent", "Operation", "Created",
				"User", "CORP\\jdoe", "Name", " \"OneDriveSync\"", "Type", "Command Line", "Destination",
				" \"C:\\Users\\jdoe\\AppData\\Local\\Temp\\updater.exe /background\""));
		assertThat(text(ecs, "process.executable")).isEqualTo("C:\\Users\\jdoe\\AppData\\Local\\Temp\\updater.exe");
		assertThat(text(ecs, "process.name")).isEqualTo("updater.exe");

		ObjectNode quotedProgram = map(event(CHANNEL, PROVIDER, 20, "Destination",
				"\"C:\\Program Files\\Tool\\run.exe\" -q \"C:\\x y\\z.txt\""));
		assertThat(text(quotedProgram, "process.executable")).isEqualTo("C:\\Program Files\\Tool\\run.exe");
		assertThat(text(quotedProgram, "process.name")).isEqualTo("run.exe");

		ObjectNode unquotedSpaces = map(event(CHANNEL, PROVIDER, 20, "Destination",
				"C:\\Program Files\\Tool\\run.exe /q"));
		assertThat(text(unquotedSpaces, "process.executable")).isEqualTo("C:\\Program Files\\Tool\\run.exe");

		ObjectNode bare = map(event(CHANNEL, PROVIDER, 20, "Destination", "\"powershell.exe -nop -enc SQBFAFgA\""));
		assertThat(text(bare, "process.executable")).isEqualTo("powershell.exe");
		assertThat(at(bare, "process.name").isMissingNode()).isTrue(); // no directory: no name, as for an image

		ObjectNode switchNotPath = map(event(CHANNEL, PROVIDER, 20, "Destination",
				"C:\\Windows\\System32\\cmd /c calc.exe"));
		assertThat(text(switchNotPath, "process.executable")).isEqualTo("C:\\Windows\\System32\\cmd");
	}

	@Test
	void shouldNotTakeUserIdFromSystemSidWhenSysmon() {
		var e = event(CHANNEL, PROVIDER, 13, "EventType", "SetValue", "ProcessId", "6120", "Image",
				"C:\\Windows\\System32\\reg.exe", "TargetObject", "HKU\\S-1-5-21-1-2-3-1104\\Software\\Run\\x",
				"User", "CORP\\jdoe");
		e.userSid = "S-1-5-18";
		e.userName = "SYSTEM";
		e.userDomain = "NT AUTHORITY";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
		assertThat(at(ecs, "user.id").isMissingNode()).as("S-1-5-18 is the Sysmon service, not jdoe").isTrue();
	}

}
