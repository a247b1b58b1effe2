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
 * Winlogbeat 6.x legacy schema: top-level {@code log_name}, {@code source_name}, {@code event_id} (an int),
 * {@code computer_name} (the origin host: with WEC, {@code beat.hostname} and {@code host.name} are the collector),
 * {@code record_number} (a string), {@code event_data}/{@code user_data}, {@code process_id}, {@code thread_id},
 * {@code user.*}, {@code keywords[]}, {@code @timestamp} the event time, {@code xml} the rendered XML when
 * {@code include_xml} is on.
 */
public final class Winlogbeat6Decoder implements JsonFormatDecoder {

	@Override
	public String name() {
		return Decoders.WINLOGBEAT6;
	}

	@Override
	public boolean sniff(byte[] trimmed, JsonNode json) {
		return json != null && !json.has("winlog") && (json.has("event_data") || json.has("log_name"))
				&& json.has("computer_name");
	}

	@Override
	public List<WinEvent> decodeJson(byte[] trimmed, ObjectNode rec, DecodeContext ctx) throws DecodeException {
		WinEvent e = new WinEvent();
		e.id = ctx.id(trimmed);
		e.format = name();
		e.eventId = JsonFields.eventId(rec.get("event_id"), "event_id", trimmed);
		String channel = JsonFields.text(rec, "log_name");
		if (JsonFields.blank(channel)) {
			throw DecodeContext.refuse("no log_name field: not a Winlogbeat 6 Windows event", trimmed);
		}
		e.channel = Channels.canonical(channel);
		e.provider = JsonFields.text(rec, "source_name");
		e.providerGuid = JsonFields.text(rec, "provider_guid");
		e.computer = WinlogbeatDecoder.first(JsonFields.text(rec, "computer_name"), ctx.fallbackHost());
		e.recordId = JsonFields.number(rec, "record_number");
		e.timestamp = BeatFields.time(ctx, trimmed, JsonFields.text(rec, "@timestamp"));
		// Winlogbeat 6 writes the level as Windows renders it ("Information"); 7.x/8.x and the other formats lower-case.
		String level = JsonFields.text(rec, "level");
		e.level = level == null ? null : level.toLowerCase(java.util.Locale.ROOT);
		e.version = BeatFields.integer(rec, "version");
		e.task = JsonFields.text(rec, "task");
		e.opcode = JsonFields.text(rec, "opcode");
		e.keywords = BeatFields.keywords(rec.get("keywords"));
		e.activityId = JsonFields.text(rec, "activity_id");
		e.processId = JsonFields.number(rec, "process_id");
		e.threadId = JsonFields.number(rec, "thread_id");
		BeatFields.user(e, rec.get("user"));
		e.message = JsonFields.text(rec, "message");
		BeatFields.eventData(e, rec.get("event_data"), rec.get("user_data"));
		e.original = JsonFields.text(rec, "xml");
		return List.of(e);
	}

}
