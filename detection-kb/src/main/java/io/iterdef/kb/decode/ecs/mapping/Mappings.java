package io.iterdef.kb.decode.ecs.mapping;

import io.iterdef.kb.decode.ecs.EventMapping;
import io.iterdef.kb.decode.ecs.mapping.emet.EmetMappings;
import io.iterdef.kb.decode.ecs.mapping.powershell.PowerShellMappings;
import io.iterdef.kb.decode.ecs.mapping.security.SecurityMappings;
import io.iterdef.kb.decode.ecs.mapping.sysmon.SysmonMappings;
import io.iterdef.kb.decode.ecs.mapping.system.SystemMappings;
import io.iterdef.kb.decode.ecs.mapping.taskscheduler.TaskSchedulerMappings;
import io.iterdef.kb.decode.ecs.mapping.wmi.WmiMappings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
		return Source.of(channel, provider).mapping(eventId);
	}

	/**
	 * The tables of one channel and provider, as sent: resolved once (trimming, lower-casing and three look-ups per
	 * event showed in the decode profile). Sources come from the records, so past {@value #MAX_CACHED} the rest are
	 * resolved each time.
	 */
	private record Source(MappingTable ofProvider, MappingTable ofChannel) {

		private static final int MAX_CACHED = 1024;

		private static final Map<List<String>, Source> CACHE = new ConcurrentHashMap<>();

		private static final Source NONE = new Source(null, null);

		static Source of(String channel, String provider) {
			List<String> key = Arrays.asList(channel, provider);
			Source s = CACHE.get(key);
			if (s == null) {
				s = resolve(channel, provider);
				if (CACHE.size() < MAX_CACHED) {
					CACHE.put(key, s);
				}
			}
			return s;
		}

		private static Source resolve(String channel, String provider) {
			String p = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
			String c = channel == null || channel.isBlank() ? CHANNEL_OF_PROVIDER.get(p)
					: channel.strip().toLowerCase(Locale.ROOT);
			if (c == null) {
				return NONE;
			}
			return new Source(BY_CHANNEL_AND_PROVIDER.get(c + "|" + p), BY_CHANNEL.get(c));
		}

		EventMapping mapping(int eventId) {
			EventMapping mapping = this.ofProvider == null ? null : this.ofProvider.get(eventId);
			if (mapping == null) {
				mapping = this.ofChannel == null ? null : this.ofChannel.get(eventId);
			}
			return mapping == null ? GENERIC : mapping;
		}

	}

}
