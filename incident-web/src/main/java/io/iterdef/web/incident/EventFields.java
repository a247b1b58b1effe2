package io.iterdef.web.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One matched ECS event flattened to dotted field names ({@code process.parent.name}) and display
 * strings, the most useful fields first, then the rest in name order; {@code json} is the raw event,
 * pretty-printed (shown escaped).
 */
record EventFields(String id, List<Field> fields, String json) {

	EventFields(String id, List<Field> fields) {
		this(id, fields, "");
	}

	static final List<String> PREFERRED = List.of("@timestamp", "event.code", "event.provider", "event.action",
			"host.name", "user.domain", "user.name", "process.pid", "process.name", "process.executable",
			"process.command_line", "process.parent.pid", "process.parent.name", "process.parent.executable",
			"process.parent.command_line", "message");

	record Field(String name, String value) {
	}

	static EventFields of(JsonNode event) {
		Map<String, String> flat = new LinkedHashMap<>();
		flatten("", event, flat);
		List<Field> fields = new ArrayList<>();
		flat.forEach((name, value) -> fields.add(new Field(name, value)));
		fields.sort(Comparator.comparingInt((Field f) -> rank(f.name())).thenComparing(Field::name));
		return new EventFields(flat.getOrDefault("event.id", ""), List.copyOf(fields), event.toPrettyString());
	}

	private static int rank(String name) {
		int i = PREFERRED.indexOf(name);
		return i < 0 ? PREFERRED.size() : i;
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
			}
		}
		else if (node.isArray()) {
			if (node.values().stream().allMatch(JsonNode::isValueNode)) {
				List<String> parts = new ArrayList<>();
				node.values().forEach(v -> parts.add(v.asString()));
				out.put(prefix, String.join(", ", parts));
			}
			else {
				int i = 0;
				for (JsonNode v : node.values()) {
					flatten(prefix + "[" + i++ + "]", v, out);
				}
			}
		}
		else {
			out.put(prefix, node.asString());
		}
	}

}
