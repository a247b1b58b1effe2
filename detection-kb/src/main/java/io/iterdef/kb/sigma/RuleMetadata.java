package io.iterdef.kb.sigma;

import io.iterdef.kb.attack.AttackCatalog;
import io.iterdef.kb.attack.Technique;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The DRL annotations of a converted rule, from the Sigma metadata: @id (the Sigma id), @severity (level:
 * informational and low -> low, medium, high, critical), @tactic (the first {@code attack.<tactic>} tag, else the first
 * tactic of the first technique tag in the vendored ATT&CK catalog, else left out with a warning), @attack (the
 * {@code attack.tNNNN[.NNN]} tags upper-cased), @description, @falsePositives (joined with "; "), @suppress("10m").
 */
record RuleMetadata(String id, String severity, String tactic, List<String> attack, String description,
		String falsePositives) {

	private static final AttackCatalog CATALOG = AttackCatalog.load();

	static RuleMetadata of(SigmaRule rule, List<String> tags, List<String> warnings) {
		String id = rule.id();
		if (id == null || id.isBlank()) {
			id = UUID.nameUUIDFromBytes(("sigma:" + rule.title()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
			warnings.add(rule.label() + ": no id, using " + id + " (derived from the title)");
		}
		String severity = switch (rule.level() == null ? "" : rule.level()) {
			case "informational", "low" -> "low";
			case "medium" -> "medium";
			case "high" -> "high";
			case "critical" -> "critical";
			default -> {
				warnings.add(rule.label() + (rule.level() == null ? ": no level"
						: ": level '" + rule.level() + "' is not a Sigma level") + ", using medium");
				yield "medium";
			}
		};
		Set<String> attack = new LinkedHashSet<>();
		String tactic = null;
		for (String tag : tags) {
			String t = tag.strip().toLowerCase(Locale.ROOT);
			if (!t.startsWith("attack.")) {
				continue;
			}
			String rest = t.substring("attack.".length());
			if (rest.matches("t\\d{4}(\\.\\d{3})?")) {
				attack.add(rest.toUpperCase(Locale.ROOT));
			}
			else {
				String snake = rest.replace('-', '_');
				if (tactic == null && AttackCatalog.tacticOrder(snake) >= 0) {
					tactic = snake;
				}
			}
		}
		for (String a : attack) {
			if (!CATALOG.contains(a)) {
				warnings.add(rule.label() + ": " + a + " is not in the vendored ATT&CK subset (attack/techniques.tsv)");
			}
			else if (tactic == null) {
				Technique t = CATALOG.find(a).orElseThrow();
				if (!t.tactics().isEmpty()) {
					tactic = t.tactics().get(0);
				}
			}
		}
		if (tactic == null) {
			warnings.add(rule.label() + ": no ATT&CK tactic in the tags, @tactic left out");
		}
		String description = rule.description() == null ? rule.title() : rule.description().strip();
		String fps = rule.falsePositives().isEmpty() ? null : String.join("; ", rule.falsePositives());
		return new RuleMetadata(id.strip(), severity, tactic, List.copyOf(new ArrayList<>(attack)), description, fps);
	}

	/** The annotation lines (4 spaces indented), without @window. */
	String annotations() {
		StringBuilder sb = new StringBuilder();
		line(sb, "id", id);
		line(sb, "severity", severity);
		if (tactic != null) {
			line(sb, "tactic", tactic);
		}
		if (!attack.isEmpty()) {
			line(sb, "attack", String.join(",", attack));
		}
		line(sb, "description", description);
		if (falsePositives != null) {
			line(sb, "falsePositives", falsePositives);
		}
		line(sb, "suppress", "10m");
		return sb.toString();
	}

	static void line(StringBuilder sb, String name, String value) {
		sb.append("    @").append(name).append("(\"").append(drl(value)).append("\")\n");
	}

	/** Text inside a DRL string literal (annotation, rule name): one line, quotes and backslashes escaped. */
	static String drl(String s) {
		String one = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
		return one.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
