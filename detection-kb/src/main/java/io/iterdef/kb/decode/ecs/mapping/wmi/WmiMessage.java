package io.iterdef.kb.decode.ecs.mapping.wmi;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UserData of WMI-Activity 5857 to 5861 read back from the rendered message, for shippers that send only the
 * message (NXLog im_msvistalog flattens EventData but not UserData). The message templates are "Key = value"
 * pairs separated by ";" (or "," in places), the last one PossibleCause, whose value runs to the end (5861's is a
 * multi-line MOF dump with its own "Key = value;" lines):
 * <ul>
 * <li>5857 "%1 provider started with result code %2. HostProcess = %3; ProcessID = %4; ProviderPath = %5"</li>
 * <li>5858 "Id = %1; ClientMachine = %2; User = %3; ClientProcessId = %4; Component = %5; Operation = %6;
 * ResultCode = %7; PossibleCause = %8"</li>
 * <li>5859 "Namespace = %1; NotificationQuery = %2; OwnerName = %3; HostProcessID = %4;  Provider= %5,
 * queryID = %6; PossibleCause = %7"</li>
 * <li>5860 "Namespace = %1; NotificationQuery = %2; UserName = %3; ClientProcessID = %4, ClientMachine = %5;
 * PossibleCause = %6"</li>
 * <li>5861 "Namespace = %1; Eventfilter = %2 (refer to its activate eventid:5859); Consumer = %3;
 * PossibleCause = %4"</li>
 * </ul>
 * Keys are renamed to the UserData names Windows XML and Winlogbeat give (NotificationQuery is Query, OwnerName
 * and UserName are User, HostProcessID and 5860's ClientProcessID are processid, Eventfilter is ESS, Consumer is
 * CONSUMER, ...), so the mappings read one set of names.
 */
final class WmiMessage {

	/** A message key: at the start or after a ";", "," or "." separator; the names the templates use, nothing else. */
	private static final Pattern KEY = Pattern.compile("(?:^|[;,.]\\s*)(Id|ClientMachine|User|UserName|OwnerName"
			+ "|ClientProcessId|ClientProcessID|HostProcessID|HostProcess|ProcessID|ProviderPath|Component|Operation"
			+ "|ResultCode|Namespace|NotificationQuery|Provider|queryID|Eventfilter|Consumer|PossibleCause)\\s*=\\s*");

	/** 5857's opening sentence. */
	private static final Pattern STARTED = Pattern
		.compile("^\\s*(.+?) provider started with result code (\\S+?)\\.(?=\\s|$)");

	/** 5861's note after the filter name. */
	private static final Pattern REFER = Pattern.compile("\\s*\\(refer to its activate eventid:\\s*\\d+\\)\\s*$");

	private WmiMessage() {
	}

	/** The UserData fields of the message of event {@code eventId} by their UserData names; empty when none. */
	static Map<String, String> userData(int eventId, String message) {
		Map<String, String> fields = new HashMap<>();
		if (message == null || message.isBlank()) {
			return fields;
		}
		if (eventId == 5857) {
			Matcher started = STARTED.matcher(message);
			if (started.find()) {
				fields.put("ProviderName", started.group(1).strip());
				fields.put("Code", started.group(2));
			}
		}
		Matcher m = KEY.matcher(message);
		String key = null;
		int valueStart = 0;
		while (m.find()) {
			if (key != null) {
				put(fields, eventId, key, message.substring(valueStart, m.start()));
			}
			key = m.group(1);
			valueStart = m.end();
			if ("PossibleCause".equals(key)) {
				break; // the last field; its value (5861: a MOF dump) runs to the end
			}
		}
		if (key != null) {
			put(fields, eventId, key, message.substring(valueStart));
		}
		return fields;
	}

	private static void put(Map<String, String> fields, int eventId, String key, String value) {
		String v = value.strip();
		String name = switch (key) {
			case "NotificationQuery" -> "Query";
			case "OwnerName", "UserName" -> "User";
			case "HostProcessID", "ClientProcessID" -> "processid";
			case "queryID" -> "queryid";
			case "Consumer" -> "CONSUMER";
			case "Eventfilter" -> "ESS";
			case "Namespace" -> eventId == 5861 ? "Namespace" : "NamespaceName";
			case "ClientMachine" -> eventId == 5860 ? "MachineName" : "ClientMachine";
			default -> key;
		};
		if ("ESS".equals(name)) {
			v = REFER.matcher(v).replaceFirst("");
		}
		if (!"PossibleCause".equals(name) && v.endsWith(";")) {
			v = v.substring(0, v.length() - 1).strip();
		}
		fields.putIfAbsent(name, v);
	}

}
