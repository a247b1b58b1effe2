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

class WmiMappingsTest {

	private static final String CHANNEL = "Microsoft-Windows-WMI-Activity/Operational";

	@Test
	void shouldMapConsumerAndCommandWhenPermanentConsumerBound() {
		ObjectNode ecs = map(event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5861, "Namespace",
				"//./root/subscription", "ESS", "UpdaterFilter", "CONSUMER",
				"CommandLineEventConsumer=\"UpdaterConsumer\"", "PossibleCause",
				"Binding EventFilter: \n instance of __EventFilter\n{\n\tName = \"UpdaterFilter\";\n};\n"
						+ "Perm. Consumer: \n instance of CommandLineEventConsumer\n{\n"
						+ "\tCommandLineTemplate = \"powershell.exe -NoP -EncodedCommand SQBFAFgA\";\n"
						+ "\tName = \"UpdaterConsumer\";\n};\n"));
		assertThat(texts(ecs, "event.category")).containsExactly("configuration");
		assertThat(texts(ecs, "event.type")).containsExactly("creation");
		assertThat(text(ecs, "event.action")).isEqualTo("wmi-permanent-consumer-bound");
		assertThat(text(ecs, "wmi.consumer")).isEqualTo("CommandLineEventConsumer=\"UpdaterConsumer\"");
		assertThat(text(ecs, "wmi.filter")).isEqualTo("UpdaterFilter");
		assertThat(text(ecs, "process.command_line")).isEqualTo("powershell.exe -NoP -EncodedCommand SQBFAFgA");
	}

	@Test
	void shouldSetFailureWhenOperationFailed() {
		ObjectNode ecs = map(event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5858, "Id", "{00000000-0000-0000-0000-000000000000}",
				"ClientMachine", "WKS-07", "User", "CORP\\jdoe", "ClientProcessId", "4120", "Component", "Unknown",
				"Operation", "Start IWbemServices::ExecQuery - root\\cimv2 : select * from Win32_Process",
				"ResultCode", "0x80041017", "PossibleCause", "Unknown"));
		assertThat(text(ecs, "event.outcome")).isEqualTo("failure");
		assertThat(texts(ecs, "event.type")).containsExactly("error");
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(at(ecs, "process.pid").asInt()).isEqualTo(4120);
		assertThat(text(ecs, "wmi.result_code")).isEqualTo("0x80041017");
	}

	@Test
	void shouldMapQueryWhenTemporaryConsumerRegistered() {
		ObjectNode ecs = map(event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5860, "NamespaceName", "root\\cimv2",
				"Query", "SELECT * FROM __InstanceCreationEvent WITHIN 5 WHERE TargetInstance ISA 'Win32_Process'",
				"User", "CORP\\jdoe", "processid", "6612", "MachineName", "WKS-07", "PossibleCause", "Temporary"));
		assertThat(text(ecs, "event.action")).isEqualTo("wmi-temporary-consumer-registered");
		assertThat(text(ecs, "wmi.namespace")).isEqualTo("root\\cimv2");
		assertThat(text(ecs, "wmi.query")).startsWith("SELECT * FROM __InstanceCreationEvent");
		assertThat(at(ecs, "process.pid").asInt()).isEqualTo(6612);
	}

	@Test
	void shouldReadMessageWhenProviderStartedWithoutUserData() {
		WinEvent e = event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5857);
		e.message = "CIMWin32 provider started with result code 0x0. HostProcess = wmiprvse.exe; ProcessID = 4864; "
				+ "ProviderPath = %systemroot%\\system32\\wbem\\cimwin32.dll";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "wmi.provider")).isEqualTo("CIMWin32");
		assertThat(text(ecs, "wmi.result_code")).isEqualTo("0x0");
		assertThat(at(ecs, "process.pid").asInt()).isEqualTo(4864);
		assertThat(text(ecs, "process.name")).isEqualTo("wmiprvse.exe");
		assertThat(text(ecs, "file.name")).isEqualTo("cimwin32.dll");
	}

	@Test
	void shouldReadMessageWhenOperationFailedWithoutUserData() {
		WinEvent e = event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5858);
		e.message = "Id = {1CB713B3-AB00-0002-51C6-D31C00ABD501}; ClientMachine = FIN-WS07; User = CORP\\jdoe; "
				+ "ClientProcessId = 7012; Component = Unknown; Operation = Start IWbemServices::ExecQuery - "
				+ "root\\cimv2 : SELECT * FROM Win32_ShadowCopy; ResultCode = 0x80041032; PossibleCause = Unknown";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "wmi.operation"))
			.isEqualTo("Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM Win32_ShadowCopy");
		assertThat(text(ecs, "wmi.result_code")).isEqualTo("0x80041032");
		assertThat(text(ecs, "source.domain")).isEqualTo("FIN-WS07");
		assertThat(at(ecs, "process.pid").asInt()).isEqualTo(7012);
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
	}

	@Test
	void shouldReadMessageWhenFilterActivatedOrTemporaryConsumerWithoutUserData() {
		WinEvent filter = event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5859);
		filter.message = "Namespace = //./root/CIMV2; NotificationQuery = SELECT * FROM __InstanceModificationEvent "
				+ "WITHIN 60; OwnerName = CORP\\jdoe; HostProcessID = 1780;  Provider= WMI Kernel Trace Event "
				+ "Provider, queryID = 0; PossibleCause = Permanent";
		ObjectNode ecs = map(filter);
		assertThat(text(ecs, "wmi.namespace")).isEqualTo("//./root/CIMV2");
		assertThat(text(ecs, "wmi.query")).isEqualTo("SELECT * FROM __InstanceModificationEvent WITHIN 60");
		assertThat(text(ecs, "wmi.provider")).isEqualTo("WMI Kernel Trace Event Provider");
		assertThat(at(ecs, "process.pid").asInt()).isEqualTo(1780);
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		WinEvent temporary = event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5860);
		temporary.message = "Namespace = ROOT\\CIMV2; NotificationQuery = SELECT * FROM Win32_ProcessStartTrace "
				+ "WHERE ProcessName = 'lsass.exe'; UserName = CORP\\jdoe; ClientProcessID = 6120, ClientMachine = "
				+ "FIN-WS07; PossibleCause = Temporary";
		ecs = map(temporary);
		assertThat(text(ecs, "wmi.namespace")).isEqualTo("ROOT\\CIMV2");
		assertThat(text(ecs, "wmi.query"))
			.isEqualTo("SELECT * FROM Win32_ProcessStartTrace WHERE ProcessName = 'lsass.exe'");
		assertThat(at(ecs, "process.pid").asInt()).isEqualTo(6120);
		assertThat(text(ecs, "user.domain")).isEqualTo("CORP");
	}

	@Test
	void shouldReadMessageWhenPermanentConsumerBoundWithoutUserData() {
		WinEvent e = event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5861);
		e.message = "Namespace = //./root/subscription; Eventfilter = OneDriveSync (refer to its activate "
				+ "eventid:5859); Consumer = CommandLineEventConsumer=\"OneDriveSync\"; PossibleCause = Binding "
				+ "EventFilter: \ninstance of __EventFilter\n{\n\tEventNamespace = \"root\\\\cimv2\";\n"
				+ "\tName = \"OneDriveSync\";\n};\nPerm. Consumer: \ninstance of CommandLineEventConsumer\n{\n"
				+ "\tCommandLineTemplate = \"C:\\\\Temp\\\\updater.exe /background\";\n"
				+ "\tName = \"OneDriveSync\";\n};\n";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "wmi.namespace")).isEqualTo("//./root/subscription");
		assertThat(text(ecs, "wmi.filter")).isEqualTo("OneDriveSync");
		assertThat(text(ecs, "wmi.consumer")).isEqualTo("CommandLineEventConsumer=\"OneDriveSync\"");
		assertThat(text(ecs, "process.command_line")).isEqualTo("C:\\Temp\\updater.exe /background");
	}

	@Test
	void shouldIgnoreMessageWhenUserDataPresent() {
		WinEvent e = event(CHANNEL, "Microsoft-Windows-WMI-Activity", 5858, "User", "CORP\\jdoe");
		e.message = "Id = x; ClientMachine = OTHER; User = EVIL\\mallory; ClientProcessId = 1";
		ObjectNode ecs = map(e);
		assertThat(text(ecs, "user.name")).isEqualTo("jdoe");
		assertThat(at(ecs, "process.pid").isMissingNode()).isTrue();
		assertThat(at(ecs, "source.domain").isMissingNode()).isTrue();
	}

}
