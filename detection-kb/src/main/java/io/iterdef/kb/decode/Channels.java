package io.iterdef.kb.decode;

import java.util.Locale;
import java.util.Map;

/** Channel names in Windows' own case: shippers send "security" and "Security" in one file. */
public final class Channels {

	public static final String SECURITY = "Security";

	public static final String SYSTEM = "System";

	public static final String APPLICATION = "Application";

	public static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

	public static final String POWERSHELL = "Windows PowerShell";

	public static final String POWERSHELL_OPERATIONAL = "Microsoft-Windows-PowerShell/Operational";

	public static final String WMI_ACTIVITY = "Microsoft-Windows-WMI-Activity/Operational";

	public static final String TASK_SCHEDULER = "Microsoft-Windows-TaskScheduler/Operational";

	private static final Map<String, String> CANONICAL = Map.of("security", SECURITY, "system", SYSTEM,
			"application", APPLICATION, SYSMON.toLowerCase(Locale.ROOT), SYSMON, "windows powershell", POWERSHELL,
			POWERSHELL_OPERATIONAL.toLowerCase(Locale.ROOT), POWERSHELL_OPERATIONAL,
			WMI_ACTIVITY.toLowerCase(Locale.ROOT), WMI_ACTIVITY, TASK_SCHEDULER.toLowerCase(Locale.ROOT),
			TASK_SCHEDULER);

	private Channels() {
	}

	/** The channel trimmed and in canonical case when it is a known one; null stays null. */
	public static String canonical(String channel) {
		if (channel == null) {
			return null;
		}
		String trimmed = channel.trim();
		return CANONICAL.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
	}

	/** True when both name the same channel, ignoring case. */
	public static boolean is(String channel, String expected) {
		return channel != null && channel.trim().equalsIgnoreCase(expected);
	}

}
