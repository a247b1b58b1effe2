package io.iterdef.kb.decode.winlogbeat;

import com.fasterxml.jackson.databind.JsonNode;
import io.iterdef.kb.decode.DecodeContext;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.JsonFields;
import io.iterdef.kb.decode.ShipperTimes;
import io.iterdef.kb.decode.WinEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What Winlogbeat 6 and 7/8 share: EventData/UserData objects, keyword arrays, user objects, times. */
final class BeatFields {

	private BeatFields() {
	}

	/**
	 * Winlogbeat's user_data key naming the UserData element ("LogFileCleared", "Operation_ClientFailure"): not a
	 * field of the event (the other formats have no such field), so it is not copied.
	 */
	static final String USER_DATA_XML_NAME = "xml_name";

	/**
	 * Copies every field of event_data and then user_data (values as text) into the event's EventData, except
	 * user_data's xml_name.
	 */
	static void eventData(WinEvent e, JsonNode eventData, JsonNode userData) {
		copy(e, eventData, null);
		copy(e, userData, USER_DATA_XML_NAME);
	}

	private static void copy(WinEvent e, JsonNode data, String skip) {
		if (data != null && data.isObject()) {
			for (Map.Entry<String, JsonNode> f : data.properties()) {
				if (!f.getKey().equals(skip)) {
					e.eventData.putIfAbsent(f.getKey(), JsonFields.value(f.getValue()));
				}
			}
		}
	}

	/** keywords: an array of names (["Audit Success"]) joined with ", ", or a scalar as text. */
	static String keywords(JsonNode keywords) {
		if (keywords == null || keywords.isNull()) {
			return null;
		}
		if (keywords.isArray()) {
			List<String> names = new ArrayList<>();
			keywords.forEach(k -> names.add(k.asText()));
			return names.isEmpty() ? null : String.join(", ", names);
		}
		return JsonFields.value(keywords);
	}

	static void user(WinEvent e, JsonNode user) {
		if (user != null && user.isObject()) {
			e.userSid = JsonFields.text(user, "identifier");
			e.userName = JsonFields.text(user, "name");
			e.userDomain = JsonFields.text(user, "domain");
			e.userType = JsonFields.text(user, "type");
		}
	}

	/** The first of the candidates that is a zoned ISO time, else the envelope's time, else a refusal. */
	static Instant time(DecodeContext ctx, byte[] trimmed, String... candidates) throws DecodeException {
		for (String c : candidates) {
			Instant t = ShipperTimes.zoned(c);
			if (t != null) {
				return t;
			}
		}
		if (ctx.fallbackTime() != null) {
			return ctx.fallbackTime();
		}
		String first = candidates.length > 0 ? candidates[0] : null;
		throw DecodeContext.refuse(first == null ? "no event time (@timestamp)"
				: "event time is not an ISO time with zone: " + JsonFields.abbreviate(first), trimmed);
	}

	static Integer integer(JsonNode node, String key) {
		Long n = JsonFields.number(node, key);
		return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
	}

	static JsonNode path(JsonNode node, String... keys) {
		JsonNode n = node;
		for (String k : keys) {
			n = n == null ? null : n.get(k);
		}
		return n;
	}

	static String text(JsonNode node, String... keys) {
		if (keys.length == 0) {
			return null;
		}
		JsonNode parent = path(node, java.util.Arrays.copyOf(keys, keys.length - 1));
		return JsonFields.text(parent, keys[keys.length - 1]);
	}

}
