package io.iterdef.kb.decode.ecs.mapping.wmi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.List;
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
 * CommandLineEventConsumer (in 5861's PossibleCause) to process.command_line.
 */
public final class WmiMappings {

	private static final Pattern TEMPLATE = Pattern.compile("CommandLineTemplate\\s*=\\s*\"?(.*?)\"?;\\s*$",
			Pattern.MULTILINE);

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
		put(ecs, "wmi.provider", trimmed(e.data("ProviderName")));
		putNumber(ecs, "process.pid", e.data("ProcessID"));
		put(ecs, "process.name", trimmed(e.data("HostProcess")));
		Values.putFile(ecs, "file", e.data("ProviderPath"));
		put(ecs, "wmi.result_code", trimmed(e.data("Code")));
	}

	private static void error(WinEvent e, ObjectNode ecs) {
		put(ecs, "wmi.operation", trimmed(e.data("Operation")));
		put(ecs, "wmi.result_code", trimmed(e.data("ResultCode")));
		put(ecs, "source.domain", trimmed(e.data("ClientMachine")));
		putNumber(ecs, "process.pid", e.data("ClientProcessId"));
		Values.putUser(ecs, "user", e.data("User"));
	}

	private static void registration(WinEvent e, ObjectNode ecs) {
		put(ecs, "wmi.namespace", trimmed(first(e, "NamespaceName", "Namespace")));
		put(ecs, "wmi.query", trimmed(first(e, "Query", "NotificationQuery")));
		put(ecs, "wmi.provider", trimmed(e.data("Provider")));
		putNumber(ecs, "process.pid", first(e, "processid", "ProcessID", "HostProcessID"));
		Values.putUser(ecs, "user", first(e, "User", "OwnerName"));
	}

	private static void binding(WinEvent e, ObjectNode ecs) {
		put(ecs, "wmi.namespace", trimmed(e.data("Namespace")));
		put(ecs, "wmi.filter", trimmed(e.data("ESS")));
		put(ecs, "wmi.consumer", trimmed(e.data("CONSUMER")));
		String cause = e.data("PossibleCause");
		if (cause != null) {
			Matcher m = TEMPLATE.matcher(cause);
			if (m.find()) {
				put(ecs, "process.command_line", m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
			}
		}
	}

	private static String first(WinEvent e, String... names) {
		for (String name : names) {
			if (Values.present(e.data(name)) != null) {
				return e.data(name);
			}
		}
		return null;
	}

}
