package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NXLog im_msvistalog JSON ({@code to_json()}), as om_tcp sends it or as Logstash forwards it, into ECS. Sysmon 1
 * and Security 4688 get the full process mapping; every other event the generic one. Nothing is dropped: every
 * field that is not NXLog's own (or Logstash's) is EventData and is copied untouched to winlog.event_data.
 */
public final class NxlogDecoder {

	/** Top-level keys NXLog itself writes (im_msvistalog-fields.xml, core-fields.xml); the rest is EventData. */
	static final Set<String> NXLOG_FIELDS = Set.of("EventTime", "Hostname", "SourceName", "EventID", "Channel",
			"Keywords", "Severity", "SeverityValue", "EventType", "ProviderGuid", "Version", "Task", "Opcode",
			"OpcodeValue", "RecordNumber", "ActivityID", "RelatedActivityID", "ProcessID", "ExecutionProcessID",
			"ThreadID", "AccountName", "AccountType", "Domain", "UserID", "Category", "Message", "EventReceivedTime",
			"SourceModuleName", "SourceModuleType", "raw_event");

	/** Keys Logstash adds when it forwards the record (recognized only when @version or @timestamp is present). */
	static final Set<String> LOGSTASH_FIELDS = Set.of("@timestamp", "@version", "host", "port", "type", "tags");

	static final String SYSMON_CHANNEL = "Microsoft-Windows-Sysmon/Operational";

	private static final Map<String, String> CANONICAL_CHANNELS = Map.of("security", "Security", "system", "System",
			"application", "Application", SYSMON_CHANNEL.toLowerCase(Locale.ROOT), SYSMON_CHANNEL);

	private final NxlogTime time;

	private final Clock clock;

	public NxlogDecoder(ZoneId collectorZone, Clock clock) {
		this.time = new NxlogTime(collectorZone);
		this.clock = clock;
	}

	/** Decodes one parsed record; {@code eventId} is the SHA-1 hex of the trimmed raw bytes. */
	public Event decode(ObjectNode rec, String eventId) throws DecodeException {
		int code = eventCode(rec);
		String channel = canonicalChannel(requiredText(rec, "Channel"));
		boolean logstash = rec.has("@version") || rec.has("@timestamp");
		ObjectNode data = Json.MAPPER.createObjectNode();
		for (Map.Entry<String, JsonNode> f : rec.properties()) {
			if (!NXLOG_FIELDS.contains(f.getKey()) && !(logstash && LOGSTASH_FIELDS.contains(f.getKey()))) {
				data.set(f.getKey(), f.getValue());
			}
		}
		String provider = text(rec, "SourceName");
		boolean sysmon = SYSMON_CHANNEL.equals(channel)
				|| "Microsoft-Windows-Sysmon".equalsIgnoreCase(String.valueOf(provider));
		Instant timestamp = time.timestamp(rec, sysmon ? text(data, "UtcTime") : null);

		ObjectNode ecs = Json.MAPPER.createObjectNode();
		ecs.put("@timestamp", timestamp.toString());
		ObjectNode event = ecs.putObject("event");
		event.put("id", eventId);
		event.put("code", Integer.toString(code));
		putText(event, "provider", provider);
		event.put("kind", "event");
		String hostname = text(rec, "Hostname");
		if (hostname != null && !hostname.isBlank()) {
			ecs.putObject("host").put("name", hostname.trim().toLowerCase(Locale.ROOT));
		}
		ObjectNode winlog = ecs.putObject("winlog");
		winlog.put("channel", channel);
		putText(winlog, "record_id", text(rec, "RecordNumber"));
		putText(winlog, "computer_name", hostname);
		putText(winlog, "provider_name", provider);
		putText(winlog, "provider_guid", text(rec, "ProviderGuid"));
		winlog.put("event_id", Integer.toString(code));
		putText(winlog, "task", text(rec, "Category"));
		putText(winlog, "opcode", text(rec, "Opcode"));
		putText(winlog, "activity_id", text(rec, "ActivityID"));
		putNumber(winlog.putObject("process"), "pid", text(rec, rec.has("ExecutionProcessID") ? "ExecutionProcessID" : "ProcessID"));
		putNumber(winlog.withObjectProperty("process").putObject("thread"), "id", text(rec, "ThreadID"));
		removeEmpty(winlog.withObjectProperty("process"));
		ObjectNode wuser = winlog.putObject("user");
		putText(wuser, "identifier", text(rec, "UserID"));
		putText(wuser, "name", text(rec, "AccountName"));
		putText(wuser, "domain", text(rec, "Domain"));
		putText(wuser, "type", text(rec, "AccountType"));
		removeEmpty(winlog);
		winlog.set("event_data", data);
		putText(ecs, "message", text(rec, "Message"));

		String action = text(rec, "Category");
		if (sysmon) {
			event.put("module", "sysmon");
			event.put("dataset", "windows.sysmon_operational");
		}
		else if ("Security".equals(channel)) {
			event.put("module", "security");
			event.put("dataset", "windows.security");
		}
		if (sysmon && code == 1) {
			ProcessMapping.sysmonProcessCreate(data, ecs);
			action = action != null ? action : "Process Create (rule: ProcessCreate)";
		}
		else if ("Security".equals(channel) && code == 4688) {
			ProcessMapping.securityProcessCreation(data, ecs);
			action = "created-process";
		}
		if (action != null) {
			event.put("action", action);
		}
		event.put("ingested", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
		return Event.fromTree(ecs);
	}

	private static int eventCode(ObjectNode rec) throws DecodeException {
		JsonNode id = rec.get("EventID");
		if (id == null || id.isNull()) {
			throw new DecodeException("no EventID field: not an NXLog im_msvistalog record");
		}
		if (id.canConvertToInt() && id.isIntegralNumber()) {
			return id.intValue();
		}
		try {
			return Integer.parseInt(id.asText().trim());
		}
		catch (NumberFormatException e) {
			throw new DecodeException("EventID is not a number: " + id);
		}
	}

	private static String requiredText(ObjectNode rec, String key) throws DecodeException {
		String v = text(rec, key);
		if (v == null || v.isBlank()) {
			throw new DecodeException("no " + key + " field: not an NXLog im_msvistalog record");
		}
		return v;
	}

	static String canonicalChannel(String channel) {
		String trimmed = channel.trim();
		return CANONICAL_CHANNELS.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
	}

	static String text(JsonNode node, String key) {
		JsonNode v = node.get(key);
		return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
	}

	static void putText(ObjectNode node, String key, String value) {
		if (value != null && !value.isEmpty()) {
			node.put(key, value);
		}
	}

	static void putNumber(ObjectNode node, String key, String value) {
		Long n = ProcessMapping.parseNumber(value);
		if (n != null) {
			node.put(key, n);
		}
	}

	private static void removeEmpty(ObjectNode node) {
		node.properties().removeIf(e -> e.getValue().isObject() && e.getValue().isEmpty());
	}
}
