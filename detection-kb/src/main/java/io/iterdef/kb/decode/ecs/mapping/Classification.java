package io.iterdef.kb.decode.ecs.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The ECS categorization of one kind of event: event.category, event.type (arrays), event.action and, when the event
 * id alone decides it, event.outcome. Empty lists and nulls are left unset.
 */
public record Classification(List<String> category, List<String> type, String action, String outcome) {

	public Classification {
		category = List.copyOf(category);
		type = List.copyOf(type);
	}

	/** One category, one or more types, an action. */
	public static Classification of(String category, String action, String... types) {
		return new Classification(category == null ? List.of() : List.of(category), List.of(types), action, null);
	}

	/** Several categories, several types, an action. */
	public static Classification of(List<String> categories, List<String> types, String action) {
		return new Classification(categories, types, action, null);
	}

	/** The same with event.outcome set. */
	public Classification withOutcome(String value) {
		return new Classification(this.category, this.type, this.action, value);
	}

	/** Writes event.category/type/action/outcome into the ECS tree. */
	public void apply(ObjectNode ecs) {
		ObjectNode event = ecs.withObjectProperty("event");
		if (!this.category.isEmpty()) {
			ArrayNode c = event.putArray("category");
			this.category.forEach(c::add);
		}
		if (!this.type.isEmpty()) {
			ArrayNode t = event.putArray("type");
			this.type.forEach(t::add);
		}
		if (this.action != null) {
			event.put("action", this.action);
		}
		if (this.outcome != null) {
			event.put("outcome", this.outcome);
		}
	}

}
