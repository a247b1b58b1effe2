package io.iterdef.kb.sigma;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Sigma document: a detection rule (logsource + detection) or a correlation rule (correlation). Only what the
 * converter uses is read; the detection and correlation stay as YAML trees.
 */
public record SigmaRule(Path file, String title, String id, String name, String level, String description,
		List<String> tags, List<String> falsePositives, String product, String category, String service,
		JsonNode detection, JsonNode correlation) {

	/** Reads one parsed YAML document. */
	public static SigmaRule of(Path file, JsonNode doc) {
		if (doc == null || !doc.isObject()) {
			throw new SigmaRefusal("invalid rule", "the document is not a YAML mapping");
		}
		String title = text(doc, "title");
		if (title == null || title.isBlank()) {
			throw new SigmaRefusal("invalid rule", "no title");
		}
		JsonNode logsource = doc.path("logsource");
		JsonNode detection = doc.get("detection");
		JsonNode correlation = doc.get("correlation");
		if (detection == null && correlation == null) {
			throw new SigmaRefusal("invalid rule", "neither detection nor correlation");
		}
		return new SigmaRule(file, title.strip(), text(doc, "id"), text(doc, "name"), lower(text(doc, "level")),
				text(doc, "description"), strings(doc.get("tags")), strings(doc.get("falsepositives")),
				lower(text(logsource, "product")), lower(text(logsource, "category")), lower(text(logsource, "service")),
				detection, correlation);
	}

	public boolean isCorrelation() {
		return correlation != null;
	}

	/** "title" as written in refusal and warning lines. */
	public String label() {
		return file.getFileName() + ": " + title;
	}

	static String text(JsonNode node, String field) {
		JsonNode n = node == null ? null : node.get(field);
		return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
	}

	static List<String> strings(JsonNode node) {
		List<String> out = new ArrayList<>();
		if (node == null || node.isNull()) {
			return out;
		}
		if (node.isArray()) {
			node.forEach(n -> {
				if (!n.isNull() && !n.isContainerNode()) {
					out.add(n.asText());
				}
			});
		}
		else if (!node.isContainerNode()) {
			out.add(node.asText());
		}
		return out;
	}

	private static String lower(String s) {
		return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
	}
}
