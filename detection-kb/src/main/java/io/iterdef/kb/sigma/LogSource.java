package io.iterdef.kb.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a Sigma logsource's events are in Iterdef: the rule folder (and DRL package {@code rules.sigma.<folder>}),
 * the channels and event codes that select its events (and, for registry_add/delete, the Sysmon EventType), and how
 * its Sigma field names map to ECS paths. A field is looked up in {@code fields} (ECS names the decoder sets for
 * every source of the logsource), then in {@code raw} (Windows event data names kept as sent under
 * {@code winlog.event_data}); a {@code anyRaw} logsource (a Windows service: security, system, ...) takes every other
 * field name as event data.
 */
public record LogSource(String name, String folder, List<Source> sources, List<String> eventTypes,
		Map<String, String> fields, Set<String> raw, boolean anyRaw) {

	/** Events of one channel with one of these event codes (any code when empty). */
	public record Source(String channel, List<String> codes) {
	}

	/** The DRL constraints selecting the logsource's events, cheapest first (event.code, then channel). */
	public String drlGuard() {
		List<String> parts = new ArrayList<>();
		if (sources.size() == 1) {
			Source s = sources.get(0);
			if (s.codes().size() == 1) {
				parts.add("code == \"" + s.codes().get(0) + "\"");
			}
			else if (!s.codes().isEmpty()) {
				parts.add("code in (" + quoted(s.codes()) + ")");
			}
			parts.add("channel == \"" + s.channel() + "\"");
		}
		else {
			List<String> alternatives = new ArrayList<>();
			for (Source s : sources) {
				alternatives.add((s.codes().isEmpty() ? "" : s.codes().size() == 1 ? "code == \"" + s.codes().get(0) + "\" && "
						: "code in (" + quoted(s.codes()) + ") && ") + "channel == \"" + s.channel() + "\"");
			}
			parts.add("(" + String.join(" || ", alternatives) + ")");
		}
		if (!eventTypes.isEmpty()) {
			parts.add("fieldString(\"winlog.event_data.EventType\") in (" + quoted(eventTypes) + ")");
		}
		return String.join(", ", parts);
	}

	/** The same selection as a Java expression over {@code Event e}, for generated functions. */
	public String javaGuard() {
		List<String> alternatives = new ArrayList<>();
		for (Source s : sources) {
			String channel = "\"" + s.channel() + "\".equals(e.getChannel())";
			if (s.codes().isEmpty()) {
				alternatives.add(channel);
			}
			else {
				List<String> codes = s.codes().stream().map(c -> "\"" + c + "\".equals(e.getCode())").toList();
				alternatives.add((codes.size() == 1 ? codes.get(0) : "(" + String.join(" || ", codes) + ")") + " && "
						+ channel);
			}
		}
		String guard = alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" || ", alternatives) + ")";
		if (!eventTypes.isEmpty()) {
			guard += " && java.util.List.of(" + quoted(eventTypes) + ").contains(e.fieldString(\"winlog.event_data.EventType\"))";
		}
		return guard;
	}

	/** "Sysmon 1, Security 4688"-style description of the events, for comments and the README. */
	public String events() {
		List<String> out = new ArrayList<>();
		for (Source s : sources) {
			out.add(s.channel() + (s.codes().isEmpty() ? "" : " " + String.join("/", s.codes())));
		}
		return String.join(", ", out) + (eventTypes.isEmpty() ? "" : " (EventType " + String.join("/", eventTypes) + ")");
	}

	private static String quoted(List<String> values) {
		return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
	}

	/** Fields every Windows logsource has. */
	static final Map<String, String> COMMON = Map.of("EventID", "event.code", "Provider_Name", "event.provider",
			"Channel", "winlog.channel", "Computer", "host.name");

	/**
	 * The ECS path of a Sigma field.
	 * @throws SigmaRefusal "unmapped field" when this logsource has no mapping for it
	 */
	public String path(String sigmaField) {
		String mapped = lookup(fields, sigmaField);
		if (mapped == null) {
			mapped = lookup(COMMON, sigmaField);
		}
		if (mapped != null) {
			return mapped;
		}
		for (String r : raw) {
			if (r.equalsIgnoreCase(sigmaField)) {
				return "winlog.event_data." + r;
			}
		}
		if (anyRaw && sigmaField.matches("[A-Za-z][A-Za-z0-9_]*")) {
			return "winlog.event_data." + sigmaField;
		}
		throw new SigmaRefusal("unmapped field", "field '" + sigmaField + "' has no mapping for logsource " + name);
	}

	private static String lookup(Map<String, String> map, String key) {
		String exact = map.get(key);
		if (exact != null) {
			return exact;
		}
		for (Map.Entry<String, String> e : map.entrySet()) {
			if (e.getKey().equalsIgnoreCase(key)) {
				return e.getValue();
			}
		}
		return null;
	}
}
