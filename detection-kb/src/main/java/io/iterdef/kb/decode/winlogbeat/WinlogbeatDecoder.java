package io.iterdef.kb.decode.winlogbeat;

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

/**
 * Winlogbeat 7.x/8.x (ECS): everything Windows under {@code winlog.*} ({@code event_id} a string, {@code event_data}
 * and {@code user_data} objects, {@code process.pid}, {@code user.*}), {@code @timestamp} the event time (or
 * {@code winlog.time_created} when present: pipeline tests restamp {@code @timestamp}), {@code host.name} the agent's
 * host, {@code event.original} the rendered XML when {@code include_xml} is on. Winlogbeat's own ECS fields
 * (event.action, event.outcome, ...) are not copied: the mapping layer sets them the same way for every shipper.
 */
public final class WinlogbeatDecoder implements JsonFormatDecoder {

	@Override
	public String name() {
		return Decoders.WINLOGBEAT;
	}

	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		return json != null && json.path("winlog").isObject();
	}

	@Override
	public List<WinEvent> decodeJson(byte[] trimmed, ObjectNode rec, DecodeContext ctx) throws DecodeException {
		JsonNode w = rec.get("winlog");
		if (w == null || !w.isObject()) {
			throw DecodeContext.refuse("no winlog object: not a Winlogbeat 7/8 record", trimmed);
		}
		WinEvent e = new WinEvent();
		e.id = ctx.id(trimmed);
		e.format = name();
		JsonNode code = w.has("event_id") ? w.get("event_id") : BeatFields.path(rec, "event", "code");
		e.eventId = JsonFields.eventId(code, "winlog.event_id", trimmed);
		String channel = JsonFields.text(w, "channel");
		if (JsonFields.blank(channel)) {
			throw DecodeContext.refuse("no winlog.channel field: not a Winlogbeat 7/8 Windows event", trimmed);
		}
		e.channel = Channels.canonical(channel);
		e.provider = first(JsonFields.text(w, "provider_name"), BeatFields.text(rec, "event", "provider"));
		e.providerGuid = JsonFields.text(w, "provider_guid");
		e.computer = first(JsonFields.text(w, "computer_name"), BeatFields.text(rec, "host", "name"),
				BeatFields.text(rec, "host", "hostname"), ctx.fallbackHost());
		e.recordId = JsonFields.number(w, "record_id");
		e.timestamp = BeatFields.time(ctx, trimmed, JsonFields.text(w, "time_created"), JsonFields.text(rec, "@timestamp"),
				BeatFields.text(rec, "event", "created"));
		e.level = first(JsonFields.text(w, "level"), BeatFields.text(rec, "log", "level"));
		e.version = BeatFields.integer(w, "version");
		e.task = JsonFields.text(w, "task");
		e.opcode = JsonFields.text(w, "opcode");
		e.keywords = BeatFields.keywords(w.get("keywords"));
		e.activityId = JsonFields.text(w, "activity_id");
		e.processId = JsonFields.number(w.get("process"), "pid");
		e.threadId = JsonFields.number(BeatFields.path(w, "process", "thread"), "id");
		BeatFields.user(e, w.get("user"));
		e.message = JsonFields.text(rec, "message");
		BeatFields.eventData(e, w.get("event_data"), w.get("user_data"));
		e.original = BeatFields.text(rec, "event", "original");
		return List.of(e);
	}

	static String first(String... values) {
		for (String v : values) {
			if (!JsonFields.blank(v)) {
				return v;
			}
		}
		return null;
	}

}
