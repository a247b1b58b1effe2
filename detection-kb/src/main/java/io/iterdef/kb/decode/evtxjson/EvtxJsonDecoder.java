package io.iterdef.kb.decode.evtxjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.Channels;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.JsonFields;
import io.iterdef.kb.decode.JsonFormatDecoder;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.decode.xml.SystemTimes;

import java.util.List;
import java.util.Map;

/**
 * evtx_dump JSON (omerbenamram/evtx, {@code -o json}/{@code jsonl}; SigmaHQ's regression data): the event XML as
 * JSON, {@code {"Event":{"#attributes":{xmlns},"System":{...},"EventData":{...}}}}. Attributes are under
 * {@code #attributes}, an element with attributes and text has {@code #text} (EventID with Qualifiers), numbers
 * may be JSON numbers; EventData values are kept as text, unnamed Data ({@code "Data"}) goes to unnamedData,
 * UserData leaves are flattened by name.
 */
public final class EvtxJsonDecoder implements JsonFormatDecoder {

	private static final String ATTRIBUTES = "#attributes";

	@Override
	public String name() {
		return Decoders.EVTX_DUMP_JSON;
	}

	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		return json != null && json.size() == 1 && json.path("Event").path("System").isObject();
	}

	@Override
	public List<WinEvent> decodeJson(byte[] trimmed, ObjectNode rec, DecodeContext ctx) throws DecodeException {
		JsonNode event = rec.path("Event");
		JsonNode system = event.path("System");
		WinEvent e = new WinEvent();
		e.id = ctx.id(trimmed);
		e.format = name();
		e.provider = attribute(system.path("Provider"), "Name");
		e.providerGuid = attribute(system.path("Provider"), "Guid");
		JsonNode eventId = system.get("EventID");
		e.eventId = JsonFields.eventId(eventId != null && eventId.has("#text") ? eventId.get("#text") : eventId,
				"Event.System.EventID", trimmed);
		Long version = JsonFields.number(text(system, "Version"));
		e.version = version == null ? null : version.intValue();
		e.level = text(system, "Level");
		e.task = text(system, "Task");
		e.opcode = text(system, "Opcode");
		e.keywords = text(system, "Keywords");
		String time = attribute(system.path("TimeCreated"), "SystemTime");
		try {
			e.timestamp = time != null ? SystemTimes.parse(time) : ctx.fallbackTime();
		}
		catch (DecodeException ex) {
			throw DecodeContext.refuse(ex.getMessage(), trimmed, ex);
		}
		if (e.timestamp == null) {
			throw DecodeContext.refuse("no Event.System.TimeCreated.#attributes.SystemTime", trimmed);
		}
		e.recordId = JsonFields.number(text(system, "EventRecordID"));
		e.activityId = attribute(system.path("Correlation"), "ActivityID");
		e.processId = JsonFields.number(attribute(system.path("Execution"), "ProcessID"));
		e.threadId = JsonFields.number(attribute(system.path("Execution"), "ThreadID"));
		e.channel = Channels.canonical(text(system, "Channel"));
		if (JsonFields.blank(e.channel)) {
			throw DecodeContext.refuse("no Event.System.Channel", trimmed);
		}
		e.computer = text(system, "Computer");
		e.computer = JsonFields.blank(e.computer) ? ctx.fallbackHost() : e.computer;
		e.userSid = attribute(system.path("Security"), "UserID");
		eventData(event.path("EventData"), e);
		flatten(event.path("UserData"), null, e.eventData);
		return List.of(e);
	}

	private static void eventData(JsonNode data, WinEvent e) {
		if (!data.isObject()) {
			if (data.isValueNode() && !data.isNull()) {
				e.unnamedData.add(data.asText());
			}
			return;
		}
		for (Map.Entry<String, JsonNode> f : data.properties()) {
			JsonNode v = f.getValue();
			if (ATTRIBUTES.equals(f.getKey())) {
				continue;
			}
			if ("Data".equals(f.getKey())) { // unnamed <Data> elements: one value, an array, or {"#text": ...}
				for (JsonNode item : v.isArray() ? v : List.of(v)) {
					JsonNode text = item.has("#text") ? item.get("#text") : item;
					if (text.isArray()) {
						text.forEach(t -> e.unnamedData.add(JsonFields.value(t)));
					}
					else if (!text.isNull()) {
						e.unnamedData.add(JsonFields.value(text));
					}
				}
			}
			else {
				String value = v.isObject() && v.has("#text") ? JsonFields.value(v.get("#text")) : JsonFields.value(v);
				e.eventData.put(f.getKey(), value == null ? "" : value);
			}
		}
	}

	/** UserData: every leaf by its element name (a repeated name gets a numeric suffix). */
	private static void flatten(JsonNode node, String name, Map<String, String> into) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> f : node.properties()) {
				if (!ATTRIBUTES.equals(f.getKey())) {
					flatten(f.getValue(), "#text".equals(f.getKey()) ? name : f.getKey(), into);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(item -> flatten(item, name, into));
		}
		else if (name != null && !node.isMissingNode()) {
			String key = name;
			for (int n = 2; into.containsKey(key); n++) {
				key = name + n;
			}
			into.put(key, node.isNull() ? "" : node.asText());
		}
	}

	private static String attribute(JsonNode element, String name) {
		String v = JsonFields.text(element.path(ATTRIBUTES), name);
		return JsonFields.blank(v) ? null : v;
	}

	private static String text(JsonNode system, String key) {
		JsonNode v = system.get(key);
		if (v != null && v.isObject()) {
			v = v.get("#text");
		}
		return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? null : v.asText().trim();
	}

}
