package io.iterdef.kb.decode.ecs.mapping.wmi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iterdef.kb.decode.ecs.mapping.Classification.of;
import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.putNumber;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * Microsoft-Windows-WMI-Activity/Operational 5857 to 5861 (UserData fields, flattened by the decoders). Elastic has
 * no pipeline for this channel: Iterdef classes the provider and error events as process info/error, and the event
 * filter/consumer registrations (the persistence ones: 5859 a filter activated a provider, 5860 temporary consumer,
 * 5861 permanent consumer bound to a filter) as configuration, like Sysmon's WMI events 19 to 21 are categorized
 * process by Elastic but are configuration changes in ECS terms. The WMI specifics go to a wmi.* namespace
 * (namespace, query, filter, consumer, provider, operation, result_code); CommandLineTemplate of a
 * CommandLineEventConsumer (in 5861's PossibleCause) to process.command_line. A shipper that sends no UserData
 * (NXLog) has it read back from the rendered message ({@link WmiMessage}).
 */
public final class WmiMappings {

	private static final Pattern TEMPLATE = Pattern.compile("CommandLineTemplate\\s*=\\s*\"?(.*?)\"?;\\s*$",
			Pattern.MULTILINE);

	/** The UserData field names of 5857 to 5861 (any one of them present: the shipper sent the UserData). */
	private static final Set<String> USER_DATA = Set.of("ProviderName", "Code", "HostProcess", "ProcessID",
			"ProviderPath", "Id", "ClientMachine", "User", "ClientProcessId", "Component", "Operation", "ResultCode",
			"PossibleCause", "NamespaceName", "Namespace", "Query", "NotificationQuery", "OwnerName", "HostProcessID",
			"processid", "Provider", "queryid", "MachineName", "ESS", "CONSUMER");

	private WmiMappings() {
	}

	public static MappingTable table() {
		return new MappingTable()
			.put(5857, of("process", "wmi-provider-started", "info"), WmiMappings::providerStarted)
			.put(5858, of("process", "wmi-operation-failed", "error").withOutcome("failure"), WmiMappings::error)
			.put(5859, of(List.of("configuration"), List.of("info"), "wmi-filter-activated-provider"),
					WmiMappings::registration)
			.put(5860, of("configuration", "wmi-temporary-consumer-registered", "creation"),
					WmiMappings::registration)
			.put(5861, of("configuration", "wmi-permanent-consumer-bound", "creation"), WmiMappings::binding);
	}

	private static void providerStarted(WinEvent e, ObjectNode ecs) {
		Map<String, String> d = userData(e);
		put(ecs, "wmi.provider", trimmed(d.get("ProviderName")));
		putNumber(ecs, "process.pid", d.get("ProcessID"));
		put(ecs, "process.name", trimmed(d.get("HostProcess")));
		Values.putFile(ecs, "file", d.get("ProviderPath"));
		put(ecs, "wmi.result_code", trimmed(d.get("Code")));
	}

	private static void error(WinEvent e, ObjectNode ecs) {
		Map<String, String> d = userData(e);
		put(ecs, "wmi.operation", trimmed(d.get("Operation")));
		put(ecs, "wmi.result_code", trimmed(d.get("ResultCode")));
		put(ecs, "source.domain", trimmed(d.get("ClientMachine")));
		putNumber(ecs, "process.pid", d.get("ClientProcessId"));
		Values.putUser(ecs, "user", d.get("User"));
	}

	private static void registration(WinEvent e, ObjectNode ecs) {
		Map<String, String> d = userData(e);
		put(ecs, "wmi.namespace", trimmed(first(d, "NamespaceName", "Namespace")));
		put(ecs, "wmi.query", trimmed(first(d, "Query", "NotificationQuery")));
		put(ecs, "wmi.provider", trimmed(d.get("Provider")));
		putNumber(ecs, "process.pid", first(d, "processid", "ProcessID", "HostProcessID"));
		Values.putUser(ecs, "user", first(d, "User", "OwnerName"));
	}

	private static void binding(WinEvent e, ObjectNode ecs) {
		Map<String, String> d = userData(e);
		put(ecs, "wmi.namespace", trimmed(d.get("Namespace")));
		put(ecs, "wmi.filter", trimmed(d.get("ESS")));
		put(ecs, "wmi.consumer", trimmed(d.get("CONSUMER")));
		String cause = d.get("PossibleCause");
		if (cause != null) {
			Matcher m = TEMPLATE.matcher(cause);
			if (m.find()) {
				put(ecs, "process.command_line", m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
			}
		}
	}

	/**
	 * The UserData fields of the event: as the decoder flattened them, or, when the shipper sent none of them (NXLog
	 * sends UserData only inside the rendered message), as {@link WmiMessage} reads them from the message.
	 */
	private static Map<String, String> userData(WinEvent e) {
		for (String name : e.eventData.keySet()) {
			if (USER_DATA.contains(name)) {
				return e.eventData;
			}
		}
		return e.message == null ? e.eventData : WmiMessage.userData(e.eventId, e.message);
	}

	private static String first(Map<String, String> d, String... names) {
		for (String name : names) {
			if (Values.present(d.get(name)) != null) {
				return d.get(name);
			}
		}
		return null;
	}

}
