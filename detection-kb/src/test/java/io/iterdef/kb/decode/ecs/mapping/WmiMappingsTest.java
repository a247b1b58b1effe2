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

}
