package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.WinEvent;
import io.iterdef.kb.event.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-built WinEvents and the ECS tree their mapping gives, for the mapping tests. */
public final class MappingFixtures {

	private MappingFixtures() {
	}

	/** An event of the channel/provider/id with EventData given as name, value pairs. */
	public static WinEvent event(String channel, String provider, int id, String... nameValues) {
		WinEvent e = new WinEvent();
		e.id = "0123456789abcdef0123456789abcdef01234567";
		e.format = "test";
		e.channel = channel;
		e.provider = provider;
		e.eventId = id;
		e.computer = "WKS-07.corp.example";
		e.timestamp = Instant.parse("2024-03-05T09:14:22.517Z");
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			e.eventData.put(nameValues[i], nameValues[i + 1]);
		}
		return e;
	}

	/** The ECS tree after the mapping registered for the event (the common part reduced to event.code). */
	public static ObjectNode map(WinEvent e) {
		ObjectNode ecs = Json.MAPPER.createObjectNode();
		ecs.putObject("event").put("code", Integer.toString(e.eventId)).put("kind", "event");
		Mappings.forEvent(e.channel, e.provider, e.eventId).map(e, ecs);
		return ecs;
	}

	/** The node at a dotted path (missing node when absent). */
	public static JsonNode at(JsonNode ecs, String dotted) {
		return ecs.at("/" + dotted.replace('.', '/'));
	}

	/** The text at a dotted path, or null. */
	public static String text(JsonNode ecs, String dotted) {
		JsonNode n = at(ecs, dotted);
		return n.isMissingNode() || n.isNull() ? null : n.asText();
	}

	/** The array at a dotted path as texts (empty when absent). */
	public static List<String> texts(JsonNode ecs, String dotted) {
		List<String> out = new ArrayList<>();
		at(ecs, dotted).forEach(n -> out.add(n.asText()));
		return out;
	}

}
