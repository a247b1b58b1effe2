package io.iterdef.kb.decode.ecs.mapping;

import io.iterdef.kb.decode.ecs.EventMapping;
import io.iterdef.kb.decode.ecs.mapping.emet.EmetMappings;
import io.iterdef.kb.decode.ecs.mapping.powershell.PowerShellMappings;
import io.iterdef.kb.decode.ecs.mapping.security.SecurityMappings;
import io.iterdef.kb.decode.ecs.mapping.sysmon.SysmonMappings;
import io.iterdef.kb.decode.ecs.mapping.system.SystemMappings;
import io.iterdef.kb.decode.ecs.mapping.taskscheduler.TaskSchedulerMappings;
import io.iterdef.kb.decode.ecs.mapping.wmi.WmiMappings;

import java.util.Locale;
import java.util.Map;

/**
 * The {@link EventMapping} of each Windows event, by channel (compared without case), provider and event id; the
 * generic mapping (nothing beyond EcsMapper's common fields: winlog.event_data keeps every field) for anything else.
 * One package per source: sysmon, security, system, powershell, wmi, taskscheduler, emet.
 */
public final class Mappings {

	/** Sets nothing: the common fields and winlog.event_data are all an unknown event gets. */
	static final EventMapping GENERIC = (event, ecs) -> {
	};

	static final String SYSMON = "microsoft-windows-sysmon/operational";

	/** Tables by lower-case channel. */
	private static final Map<String, MappingTable> BY_CHANNEL = Map.of(SYSMON, SysmonMappings.table(), "security",
			SecurityMappings.table(), "system", SystemMappings.table(), "windows powershell",
			PowerShellMappings.classic(), "microsoft-windows-powershell/operational", PowerShellMappings.operational(),
			"microsoft-windows-wmi-activity/operational", WmiMappings.table(),
			"microsoft-windows-taskscheduler/operational", TaskSchedulerMappings.table());

	/** Tables by lower-case "channel|provider", for sources that share a channel with others (EMET). */
	private static final Map<String, MappingTable> BY_CHANNEL_AND_PROVIDER = Map.of("application|emet",
			EmetMappings.table());

	/** The channel of a provider, for records that name no channel. */
	private static final Map<String, String> CHANNEL_OF_PROVIDER = Map.of("microsoft-windows-sysmon", SYSMON,
			"microsoft-windows-security-auditing", "security", "service control manager", "system", "powershell",
			"windows powershell", "microsoft-windows-powershell", "microsoft-windows-powershell/operational",
			"microsoft-windows-wmi-activity", "microsoft-windows-wmi-activity/operational",
			"microsoft-windows-taskscheduler", "microsoft-windows-taskscheduler/operational", "emet", "application");

	private Mappings() {
	}

	/** The mapping for the event; never null (the generic fallback). */
	public static EventMapping forEvent(String channel, String provider, int eventId) {
		String p = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
		String c = channel == null || channel.isBlank() ? CHANNEL_OF_PROVIDER.get(p)
				: channel.strip().toLowerCase(Locale.ROOT);
		if (c == null) {
			return GENERIC;
		}
		MappingTable table = BY_CHANNEL_AND_PROVIDER.get(c + "|" + p);
		EventMapping mapping = table == null ? null : table.get(eventId);
		if (mapping == null) {
			table = BY_CHANNEL.get(c);
			mapping = table == null ? null : table.get(eventId);
		}
		return mapping == null ? GENERIC : mapping;
	}

}
