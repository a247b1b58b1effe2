package io.iterdef.kb.decode.nxlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.Channels;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.JsonFields;
import io.iterdef.kb.decode.JsonFormatDecoder;
import io.iterdef.kb.decode.WinEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NXLog im_msvistalog JSON ({@code to_json()}), as om_tcp sends it or as Logstash forwards it. NXLog flattens
 * EventData into top-level fields: every key that is not NXLog's own (or Logstash's envelope) is EventData.
 * <p>
 * Quirks fixed here: the process id is {@code ExecutionProcessID} (NXLog 2020 field set) or {@code ProcessID}
 * (2019), and in the newer set a top-level {@code ProcessID} is EventData; the event time is Sysmon's UtcTime,
 * else {@code EventTime} in the sender's local time ({@link NxlogTime}). Name collisions: NXLog writes the user it
 * resolved from System/Security/@UserID into {@code AccountName}/{@code Domain}/{@code AccountType}/{@code UserID},
 * overwriting an EventData field of the same name, so those fields always mean winlog.user.*; the overwritten
 * EventData value is lost, except System 7045's service account, recovered from the Message line
 * "Service Account: X" into event_data.AccountName. Likewise NXLog's {@code EventType} and {@code Version} overwrite
 * Sysmon's EventType (12-14, 17-21) and Version (4): recovered from the Message lines "EventType: X", "Version: X".
 */
public final class NxlogDecoder implements JsonFormatDecoder {

	/** Top-level keys NXLog itself writes (im_msvistalog-fields.xml, core-fields.xml); the rest is EventData. */
	static final Set<String> NXLOG_FIELDS = Set.of("EventTime", "Hostname", "SourceName", "EventID", "Channel",
			"Keywords", "Severity", "SeverityValue", "EventType", "ProviderGuid", "Version", "Task", "Opcode",
			"OpcodeValue", "RecordNumber", "ActivityID", "RelatedActivityID", "ExecutionProcessID", "ThreadID",
			"AccountName", "AccountType", "Domain", "UserID", "Category", "Message", "EventReceivedTime",
			"SourceModuleName", "SourceModuleType", "raw_event");

	/** Keys Logstash adds when it forwards the record (recognized only when @version or @timestamp is present). */
	static final Set<String> LOGSTASH_FIELDS = Set.of("@timestamp", "@version", "@metadata", "host", "port", "type",
			"tags");

	/** Level names by NXLog SeverityValue - 1. */
	private static final List<String> LEVELS = List.of("verbose", "information", "warning", "error", "critical");

	private static final Pattern SERVICE_ACCOUNT = Pattern.compile("(?m)^\\s*Service Account:\\s*(.*?)\\s*$");

	/** Sysmon's message lines for the EventData fields NXLog overwrites ("EventType: SetValue", "Version: 15.14"). */
	private static final Pattern SYSMON_EVENT_TYPE = Pattern.compile("(?m)^EventType:[ \\t]*(.*?)\\s*$");

	private static final Pattern SYSMON_VERSION = Pattern.compile("(?m)^Version:[ \\t]*(.*?)\\s*$");

	/** Sysmon events whose EventData has an EventType (registry 12-14, pipes 17-18, WMI 19-21). */
	private static final Set<Integer> SYSMON_EVENT_TYPE_IDS = Set.of(12, 13, 14, 17, 18, 19, 20, 21);

	/** Sysmon events whose EventData has a Version (4, service state changed: the Sysmon version). */
	private static final Set<Integer> SYSMON_VERSION_IDS = Set.of(4);

	@Override
	public String name() {
		return Decoders.NXLOG_JSON;
	}

	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		return json != null && json.has("EventID") && json.has("Channel")
				&& (json.has("EventTime") || json.has("SourceModuleType"));
	}

	@Override
	public List<WinEvent> decodeJson(byte[] trimmed, ObjectNode rec, DecodeContext ctx) throws DecodeException {
		WinEvent e = new WinEvent();
		e.id = ctx.id(trimmed);
		e.format = name();
		if (!rec.hasNonNull("EventID")) {
			throw DecodeContext.refuse("no EventID field: not an NXLog im_msvistalog record", trimmed);
		}
		e.eventId = JsonFields.eventId(rec.get("EventID"), "EventID", trimmed);
		e.channel = Channels.canonical(required(rec, "Channel", trimmed));
		boolean logstash = rec.has("@version") || rec.has("@timestamp");
		boolean newFieldSet = rec.has("ExecutionProcessID");
		for (Map.Entry<String, JsonNode> f : rec.properties()) {
			String key = f.getKey();
			boolean own = NXLOG_FIELDS.contains(key) || (!newFieldSet && "ProcessID".equals(key));
			if (!own && !(logstash && LOGSTASH_FIELDS.contains(key))) {
				e.eventData.put(key, JsonFields.value(f.getValue()));
			}
		}
		e.provider = text(rec, "SourceName");
		e.providerGuid = text(rec, "ProviderGuid");
		e.computer = text(rec, "Hostname");
		if (blank(e.computer)) {
			e.computer = ctx.fallbackHost();
		}
		e.recordId = JsonFields.number(rec, "RecordNumber");
		boolean sysmon = Channels.SYSMON.equals(e.channel) || "Microsoft-Windows-Sysmon".equalsIgnoreCase(e.provider);
		e.timestamp = NxlogTime.timestamp(rec, sysmon ? e.eventData.get("UtcTime") : null, ctx, trimmed);
		e.level = level(rec);
		Long version = JsonFields.number(rec, "Version");
		e.version = version == null ? null : version.intValue();
		e.task = text(rec, "Category"); // the task's name; NXLog's numeric Task (0 = none) stays out
		e.opcode = text(rec, "Opcode");
		e.keywords = text(rec, "Keywords");
		e.activityId = text(rec, "ActivityID");
		e.processId = JsonFields.number(rec, newFieldSet ? "ExecutionProcessID" : "ProcessID");
		e.threadId = JsonFields.number(rec, "ThreadID");
		e.userSid = text(rec, "UserID");
		e.userName = text(rec, "AccountName");
		e.userDomain = text(rec, "Domain");
		e.userType = text(rec, "AccountType");
		e.message = text(rec, "Message");
		recoverServiceAccount(e);
		if (sysmon) {
			recoverSysmonFields(e);
		}
		return List.of(e);
	}

	/** System 7045: EventData AccountName (the service account) was overwritten by NXLog; the Message still has it. */
	static void recoverServiceAccount(WinEvent e) {
		if (e.eventId != 7045 || !Channels.SYSTEM.equals(e.channel) || e.eventData.containsKey("AccountName")
				|| e.message == null) {
			return;
		}
		Matcher m = SERVICE_ACCOUNT.matcher(e.message);
		if (m.find() && !m.group(1).isEmpty()) {
			e.eventData.put("AccountName", m.group(1));
		}
	}

	/**
	 * Sysmon: EventData EventType (12-14, 17-21) and Version (4) were overwritten by NXLog's own EventType (INFO,
	 * ...) and Version (the System version); the Message still has them ("EventType: SetValue").
	 */
	static void recoverSysmonFields(WinEvent e) {
		if (e.message == null) {
			return;
		}
		if (SYSMON_EVENT_TYPE_IDS.contains(e.eventId)) {
			recover(e, "EventType", SYSMON_EVENT_TYPE);
		}
		else if (SYSMON_VERSION_IDS.contains(e.eventId)) {
			recover(e, "Version", SYSMON_VERSION);
		}
	}

	private static void recover(WinEvent e, String field, Pattern line) {
		if (e.eventData.containsKey(field)) {
			return;
		}
		Matcher m = line.matcher(e.message);
		if (m.find() && !m.group(1).isEmpty()) {
			e.eventData.put(field, m.group(1));
		}
	}

	private static String level(ObjectNode rec) {
		Long value = JsonFields.number(rec, "SeverityValue");
		// NXLog SeverityValue: 1 DEBUG, 2 INFO, 3 WARNING, 4 ERROR, 5 CRITICAL
		if (value != null && value >= 1 && value <= 5) {
			return LEVELS.get(value.intValue() - 1);
		}
		return text(rec, "Severity");
	}

	private static String required(ObjectNode rec, String key, byte[] trimmed) throws DecodeException {
		String v = text(rec, key);
		if (blank(v)) {
			throw DecodeContext.refuse("no " + key + " field: not an NXLog im_msvistalog record", trimmed);
		}
		return v;
	}

	static String text(JsonNode node, String key) {
		return JsonFields.text(node, key);
	}

	static Long number(String value) {
		return JsonFields.number(value);
	}

	static boolean blank(String s) {
		return JsonFields.blank(s);
	}

	static String abbreviate(String s) {
		return JsonFields.abbreviate(s);
	}

}
