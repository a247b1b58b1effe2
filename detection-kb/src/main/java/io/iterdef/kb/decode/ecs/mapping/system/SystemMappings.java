package io.iterdef.kb.decode.ecs.mapping.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Classification;
import io.iterdef.kb.decode.ecs.mapping.MappingTable;

import java.util.List;
import java.util.Locale;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * System channel: 7045 (a service was installed, Service Control Manager), 7036 (a service entered a state), 104 (an
 * event log was cleared, Microsoft-Windows-Eventlog). Elastic's System integration (packages/system/data_stream/system)
 * categorizes none of them, so Iterdef uses the categorization Elastic gives their Security counterparts: 7045 as
 * 4697 (iam+configuration, admin+change, "service-installed"), 104 as 1102 (iam, admin+change, "log-cleared").
 * 7036 is process start/end/change by the new state ("service-state-changed"). 7045's ImagePath, StartType and
 * AccountName stay in winlog.event_data (NXLog overwrites AccountName with its resolved user: its decoder fixes that).
 */
public final class SystemMappings {

	private SystemMappings() {
	}

	public static MappingTable table() {
		return new MappingTable()
			.put(7045, Classification.of(List.of("iam", "configuration"), List.of("admin", "change"),
					"service-installed"), SystemMappings::serviceInstalled)
			.put(7036, SystemMappings::serviceState)
			.put(104, Classification.of(List.of("iam"), List.of("admin", "change"), "log-cleared"),
					SystemMappings::logCleared);
	}

	private static void serviceInstalled(WinEvent e, ObjectNode ecs) {
		put(ecs, "service.name", trimmed(e.data("ServiceName")));
		put(ecs, "service.type", trimmed(e.data("ServiceType")));
	}

	private static void serviceState(WinEvent e, ObjectNode ecs) {
		String name = trimmed(e.data("param1"));
		String state = trimmed(e.data("param2"));
		String lower = state == null ? "" : state.toLowerCase(Locale.ROOT);
		String type = lower.contains("running") ? "start" : lower.contains("stopped") ? "end" : "change";
		Classification.of("process", "service-state-changed", type).apply(ecs);
		put(ecs, "service.name", name);
		put(ecs, "service.state", state);
	}

	/**
	 * 104: the user is the UserData subject; a shipper that sends no UserData (NXLog) still has the account that
	 * cleared the log as the event's user (System/Security/@UserID, resolved as winlog.user.*).
	 */
	private static void logCleared(WinEvent e, ObjectNode ecs) {
		String name = trimmed(e.data("SubjectUserName"));
		if (name != null) {
			put(ecs, "user.name", name);
			put(ecs, "user.domain", trimmed(e.data("SubjectDomainName")));
		}
		else {
			put(ecs, "user.name", trimmed(e.userName));
			put(ecs, "user.domain", trimmed(e.userDomain));
		}
		put(ecs, "user.id", trimmed(e.userSid));
	}

}
