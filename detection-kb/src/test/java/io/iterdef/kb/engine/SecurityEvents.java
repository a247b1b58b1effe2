package io.iterdef.kb.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Security-channel events as the decoders produce them (event.code, winlog.channel, winlog.event_data.*). */
final class SecurityEvents {

	private SecurityEvents() {
	}

	/** {@code data}: alternating winlog.event_data names and values. */
	static Event security(String code, String host, Instant time, String... data) {
		Map<String, String> fields = new TreeMap<>();
		for (int i = 0; i + 1 < data.length; i += 2) {
			fields.put(data[i], data[i + 1]);
		}
		ObjectNode ecs = Json.MAPPER.createObjectNode();
		ecs.put("@timestamp", time.toString());
		ObjectNode event = ecs.putObject("event");
		event.put("id", Json.sha1Hex(code + host + time + fields));
		event.put("code", code);
		event.put("provider", "Microsoft-Windows-Security-Auditing");
		ecs.putObject("host").put("name", host);
		ObjectNode winlog = ecs.putObject("winlog");
		winlog.put("channel", "Security");
		ObjectNode eventData = winlog.putObject("event_data");
		fields.forEach(eventData::put);
		return Event.fromTree(ecs);
	}
}
