package io.iterdef.kb.decode.flat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.Channels;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.decode.JsonFields;
import io.iterdef.kb.decode.JsonFormatDecoder;
import io.iterdef.kb.decode.ShipperTimes;
import io.iterdef.kb.decode.WinEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flattened Log-Analytics-style JSON (OTRF's 2020-10 and later collection): EventData flattened into top-level
 * string fields like NXLog, but the System part is only EventID (int), Channel, Hostname (sometimes short),
 * SourceName, Task (a string number), Message, TimeCreated and sometimes Level, Keywords, ProviderGuid and
 * {@code @timestamp}. The time is Sysmon's UtcTime when there is one, else TimeCreated: ISO with a zone as is,
 * zone-less ({@code 2020-10-18 07:50:06.220}) in the collector zone; else {@code @timestamp}.
 */
public final class FlatJsonDecoder implements JsonFormatDecoder {

	static final Set<String> SYSTEM_FIELDS = Set.of("EventID", "Channel", "Hostname", "SourceName", "Task",
			"Message", "TimeCreated", "Level", "Keywords", "ProviderGuid", "@timestamp", "@version");

	@Override
	public String name() {
		return Decoders.FLAT_JSON;
	}

	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		return json != null && json.has("EventID") && json.has("Channel") && json.has("TimeCreated");
	}

	@Override
	public List<WinEvent> decodeJson(byte[] trimmed, ObjectNode rec, DecodeContext ctx) throws DecodeException {
		WinEvent e = new WinEvent();
		e.id = ctx.id(trimmed);
		e.format = name();
		e.eventId = JsonFields.eventId(rec.get("EventID"), "EventID", trimmed);
		String channel = text(rec, "Channel");
		if (channel == null || channel.isBlank()) {
			throw DecodeContext.refuse("no Channel field: not a flattened event record", trimmed);
		}
		e.channel = Channels.canonical(channel);
		for (Map.Entry<String, JsonNode> f : rec.properties()) {
			if (!SYSTEM_FIELDS.contains(f.getKey())) {
				JsonNode v = f.getValue();
				e.eventData.put(f.getKey(), JsonFields.value(v));
			}
		}
		e.provider = text(rec, "SourceName");
		e.providerGuid = text(rec, "ProviderGuid");
		e.computer = text(rec, "Hostname");
		if (e.computer == null || e.computer.isBlank()) {
			e.computer = ctx.fallbackHost();
		}
		e.task = text(rec, "Task");
		e.level = text(rec, "Level");
		e.keywords = text(rec, "Keywords");
		e.message = text(rec, "Message");
		e.timestamp = timestamp(rec, e, ctx, trimmed);
		return List.of(e);
	}

	private static Instant timestamp(ObjectNode rec, WinEvent e, DecodeContext ctx, byte[] trimmed)
			throws DecodeException {
		if (Channels.SYSMON.equals(e.channel)) {
			Instant utc = ShipperTimes.utc(e.eventData.get("UtcTime"));
			if (utc != null) {
				return utc;
			}
		}
		String created = text(rec, "TimeCreated");
		Instant t = ShipperTimes.zonedOrLocal(created, ctx.collectorZone());
		if (t == null) {
			t = ShipperTimes.zoned(text(rec, "@timestamp"));
		}
		if (t == null) {
			t = ctx.fallbackTime();
		}
		if (t == null) {
			throw DecodeContext.refuse("TimeCreated is not a time: " + JsonFields.abbreviate(String.valueOf(created)), trimmed);
		}
		return t;
	}

	private static String text(JsonNode node, String key) {
		return JsonFields.text(node, key);
	}

}
