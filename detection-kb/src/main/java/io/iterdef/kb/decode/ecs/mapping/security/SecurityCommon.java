package io.iterdef.kb.decode.ecs.mapping.security;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.ecs.mapping.Values;

import java.util.Locale;
import java.util.Map;

import static io.iterdef.kb.decode.ecs.mapping.Values.put;
import static io.iterdef.kb.decode.ecs.mapping.Values.trimmed;

/**
 * The fields every mapped Security event gets, after its own mapping (nothing already set is overwritten):
 * event.outcome from the audit keywords (Audit Success/Failure, as Winlogbeat sets it); source.ip/port/domain from
 * IpAddress/IpPort/WorkstationName ("-" absent, "::ffff:" unwrapped like Elastic's security pipeline, "::1" and
 * "127.0.0.1" kept); process.pid/executable/name from ProcessId (hex)/ProcessName; service.name/type from
 * ServiceName/ServiceType; winlog.logon.type from LogonType; winlog.logon.id from SubjectLogonId, in one canonical
 * hex form ("0x" and lower-case digits, libevtx padding removed) so that logons correlate across shippers.
 */
final class SecurityCommon {

	private static final JsonPointer LOGON_ID = JsonPointer.compile("/winlog/logon/id");

	private static final Map<String, String> LOGON_TYPES = Map.of("2", "Interactive", "3", "Network", "4", "Batch",
			"5", "Service", "7", "Unlock", "8", "NetworkCleartext", "9", "NewCredentials", "10", "RemoteInteractive",
			"11", "CachedInteractive");

	private static final Map<Long, String> SERVICE_TYPES = Map.of(0x1L, "Kernel Driver", 0x2L, "File System Driver",
			0x8L, "Recognizer Driver", 0x10L, "Win32 Own Process", 0x20L, "Win32 Share Process", 0x110L,
			"Interactive Own Process", 0x120L, "Interactive Share Process");

	private static final long AUDIT_FAILURE = 0x10000000000000L;

	private static final long AUDIT_SUCCESS = 0x20000000000000L;

	private SecurityCommon() {
	}

	static void map(WinEvent e, ObjectNode ecs) {
		ObjectNode event = ecs.withObjectProperty("event");
		if (!event.has("outcome")) {
			put(ecs, "event.outcome", outcome(e.keywords));
		}
		if (!ecs.has("source")) {
			put(ecs, "source.ip", ip(e.data("IpAddress")));
			Values.putNumber(ecs, "source.port", e.data("IpPort"));
			putTrimmed(ecs, "source.domain", e.data("WorkstationName"));
		}
		if (!ecs.has("process") && e.eventId != 4688) {
			Values.putNumber(ecs, "process.pid", e.data("ProcessId"));
			Values.putExecutable(ecs, "process", e.data("ProcessName"));
		}
		putTrimmed(ecs, "service.name", e.data("ServiceName"));
		Long serviceType = Values.number(e.data("ServiceType"));
		if (serviceType != null && SERVICE_TYPES.containsKey(serviceType)) {
			put(ecs, "service.type", SERVICE_TYPES.get(serviceType));
		}
		String logonType = trimmed(e.data("LogonType"));
		if (logonType != null && LOGON_TYPES.containsKey(logonType)) {
			put(ecs, "winlog.logon.type", LOGON_TYPES.get(logonType));
		}
		if (ecs.at(LOGON_ID).isMissingNode()) {
			put(ecs, "winlog.logon.id", Values.hexId(e.data("SubjectLogonId")));
		}
	}

	/** "success"/"failure" from the audit keywords (names, hex or signed decimal); null when neither. */
	static String outcome(String keywords) {
		String k = trimmed(keywords);
		if (k == null) {
			return null;
		}
		String lower = k.toLowerCase(Locale.ROOT);
		if (lower.contains("audit failure") || lower.contains("audit_failure")) {
			return "failure";
		}
		if (lower.contains("audit success") || lower.contains("audit_success")) {
			return "success";
		}
		Long bits = Values.number(k);
		if (bits == null) {
			return null;
		}
		if ((bits & AUDIT_FAILURE) != 0) {
			return "failure";
		}
		return (bits & AUDIT_SUCCESS) != 0 ? "success" : null;
	}

	/** The address as sent, without an IPv4-mapped "::ffff:" prefix; null when absent ("-"). */
	static String ip(String value) {
		String v = trimmed(value);
		if (v != null && v.toLowerCase(Locale.ROOT).startsWith("::ffff:") && v.indexOf('.') > 0) {
			return v.substring(7);
		}
		return v;
	}

	private static void putTrimmed(ObjectNode ecs, String path, String value) {
		Values.putTrimmed(ecs, path, value);
	}

}
