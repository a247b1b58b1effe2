package io.iterdef.kb.decode.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes values at dotted ECS paths of a tree, skipping nulls and blanks (so absent facts stay absent). */
final class EcsTree {

	private EcsTree() {
	}

	static ObjectNode parent(ObjectNode root, String dotted) {
		ObjectNode node = root;
		String[] parts = dotted.split("\\.");
		for (int i = 0; i < parts.length - 1; i++) {
			JsonNode child = node.get(parts[i]);
			node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
		}
		return node;
	}

	static String leaf(String dotted) {
		return dotted.substring(dotted.lastIndexOf('.') + 1);
	}

	static void put(ObjectNode root, String dotted, String value) {
		if (value != null && !value.isBlank()) {
			parent(root, dotted).put(leaf(dotted), value);
		}
	}

	static void put(ObjectNode root, String dotted, Long value) {
		if (value != null) {
			parent(root, dotted).put(leaf(dotted), value);
		}
	}

	static void set(ObjectNode root, String dotted, JsonNode value) {
		if (value != null && !value.isNull() && !value.isMissingNode()) {
			parent(root, dotted).set(leaf(dotted), value);
		}
	}

	/** A value node as text (numbers and booleans converted), or null when absent, null or structured. */
	static String text(JsonNode node, String field) {
		JsonNode n = node == null ? null : node.get(field);
		return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
	}

	/** An integral value (a number, or a decimal text), or null when absent or not a whole number. */
	static Long number(JsonNode node, String field) {
		JsonNode n = node == null ? null : node.get(field);
		if (n == null || n.isNull()) {
			return null;
		}
		if (n.isIntegralNumber() && n.canConvertToLong()) {
			return n.longValue();
		}
		if (n.isTextual() && n.textValue().trim().matches("-?\\d{1,18}")) {
			return Long.parseLong(n.textValue().trim());
		}
		return null;
	}

	/** The last element of a Windows or POSIX path ("C:\\x\\a.exe" and "/tmp/a.exe" give "a.exe"). */
	static String fileName(String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		String name = path.substring(cut + 1);
		return name.isEmpty() ? null : name;
	}

}
