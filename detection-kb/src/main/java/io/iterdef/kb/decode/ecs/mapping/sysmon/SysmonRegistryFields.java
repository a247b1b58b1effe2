package io.iterdef.kb.decode.ecs.mapping.sysmon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * registry.* of Sysmon 12, 13 and 14 as Elastic maps them: TargetObject as registry.path, its first component as
 * registry.hive (abbreviated: HKLM, HKU, ...), the rest as registry.key, its last component as registry.value; Details
 * as registry.data.strings and registry.data.type (DWORD and QWORD as decimal text, "Binary Data" as REG_BINARY,
 * anything else REG_SZ). Elastic combines the two QWORD halves as (high << 8) + low; this mapping uses the real
 * 64-bit value, (high << 32) + low.
 */
final class SysmonRegistryFields {

	private static final Map<String, String> HIVES = Map.ofEntries(Map.entry("HKEY_CLASSES_ROOT", "HKCR"),
			Map.entry("HKCR", "HKCR"), Map.entry("HKEY_CURRENT_CONFIG", "HKCC"), Map.entry("HKCC", "HKCC"),
			Map.entry("HKEY_CURRENT_USER", "HKCU"), Map.entry("HKCU", "HKCU"), Map.entry("HKEY_DYN_DATA", "HKDD"),
			Map.entry("HKDD", "HKDD"), Map.entry("HKEY_LOCAL_MACHINE", "HKLM"), Map.entry("HKLM", "HKLM"),
			Map.entry("HKEY_PERFORMANCE_DATA", "HKPD"), Map.entry("HKPD", "HKPD"), Map.entry("HKEY_USERS", "HKU"),
			Map.entry("HKU", "HKU"));

	private static final Pattern QWORD = Pattern.compile("(?i)QWORD \\((0x[0-9A-F]{1,8})-(0x[0-9A-F]{1,8})\\)");

	private static final Pattern DWORD = Pattern.compile("(?i)DWORD \\((0x[0-9A-F]{1,8})\\)");

	private SysmonRegistryFields() {
	}

	static void map(WinEvent e, ObjectNode ecs) {
		String path = trimmed(e.data("TargetObject"));
		if (path == null || e.eventId < 12 || e.eventId > 14) {
			return;
		}
		put(ecs, "registry.path", path);
		String[] tokens = path.split("\\\\");
		String hive = HIVES.get(tokens[0].toUpperCase(Locale.ROOT));
		if (hive != null) {
			put(ecs, "registry.hive", hive);
			int sep = path.indexOf('\\');
			if (sep > 0) {
				put(ecs, "registry.key", path.substring(sep + 1));
			}
		}
		put(ecs, "registry.value", tokens[tokens.length - 1]);
		data(ecs, Values.present(e.data("Details")));
	}

	private static void data(ObjectNode ecs, String details) {
		if (details == null) {
			return;
		}
		String value = details;
		String type = "REG_SZ";
		Matcher q = QWORD.matcher(details.strip());
		Matcher d = DWORD.matcher(details.strip());
		if (q.matches()) {
			type = "SZ_QWORD";
			value = Long.toUnsignedString((Values.number(q.group(1)) << 32) + Values.number(q.group(2)));
		}
		else if (d.matches()) {
			type = "SZ_DWORD";
			value = Long.toString(Values.number(d.group(1)));
		}
		else if ("Binary Data".equals(details.strip())) {
			type = "REG_BINARY";
		}
		Values.object(ecs, "registry.data").putArray("strings").add(value);
		put(ecs, "registry.data.type", type);
	}

}
