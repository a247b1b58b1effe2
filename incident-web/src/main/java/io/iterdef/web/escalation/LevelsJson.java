package io.iterdef.web.escalation;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The levels of a policy version as stored in escalation_policy_versions.levels:
 * {@code [{"delay_seconds": 300, "targets": [{"type": "user", "value": "alice"}]}]}.
 */
final class LevelsJson {

	private LevelsJson() {
	}

	static String write(ObjectMapper json, List<Level> levels) {
		ArrayNode array = json.createArrayNode();
		for (Level level : levels) {
			ObjectNode l = array.addObject();
			l.put("delay_seconds", level.delaySeconds());
			ArrayNode targets = l.putArray("targets");
			for (Target t : level.targets()) {
				targets.addObject().put("type", t.type().dbValue()).put("value", t.value());
			}
		}
		return json.writeValueAsString(array);
	}

	static List<Level> read(ObjectMapper json, String text) {
		List<Level> levels = new ArrayList<>();
		for (JsonNode l : json.readTree(text).values()) {
			List<Target> targets = new ArrayList<>();
			for (JsonNode t : l.path("targets").values()) {
				targets.add(new Target(Target.Type.fromDb(t.path("type").asString()), t.path("value").asString()));
			}
			levels.add(new Level(l.path("delay_seconds").asLong(), targets));
		}
		return levels;
	}

}
