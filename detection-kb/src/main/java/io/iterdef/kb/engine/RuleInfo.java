package io.iterdef.kb.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A compiled rule's metadata, read from its DRL annotations: {@code @id}, {@code @severity}, {@code @tactic},
 * {@code @attack} (comma-separated), {@code @description}, {@code @falsePositives}, {@code @suppress}, and for rules
 * that correlate over time {@code @window} (how far back they look; it bounds how long events are kept).
 *
 * <p>Convention: a rule without {@code @window} is a <em>single-event</em> rule, decided by one event alone; every rule
 * that looks at more than one event (temporal operators, {@code over window:}, {@code accumulate}/{@code collect},
 * {@code not}/{@code exists} over other events, two event patterns) declares {@code @window}. The engine relies on it:
 * an event that arrives later than the grace period is evaluated by the single-event rules only
 * ({@link DetectionSession#insertLate}). {@code RuleWindowConventionTest} checks it. A rule that keeps its history in
 * facts of its own instead of in held events (new term, spike) has no {@code @window}, since that would make the engine
 * keep every event as long, and declares its kind instead, {@code @kind("new_term")} or {@code @kind("spike")}: it is
 * not a single-event rule either, so late events never update its history.
 */
public record RuleInfo(String packageName, String name, String id, String severity, String tactic,
		List<String> attack, String description, String falsePositives, Duration suppress, Duration window,
		Map<String, Object> metaData) {

	/** Suppression window when a rule has no {@code @suppress}. */
	public static final Duration DEFAULT_SUPPRESS = Duration.ofMinutes(10);

	static RuleInfo of(org.kie.api.definition.rule.Rule rule) {
		Map<String, Object> meta = rule.getMetaData();
		String attack = str(meta, "attack");
		List<String> ids = attack == null ? List.of()
				: java.util.Arrays.stream(attack.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		String suppress = str(meta, "suppress");
		String window = str(meta, "window");
		String description = str(meta, "description");
		if (description == null) {
			// Drools maps a rule's @description to kie-api's Description annotation
			description = str(meta, org.kie.api.definition.type.Description.class.getName());
		}
		return new RuleInfo(rule.getPackageName(), rule.getName(), str(meta, "id"), str(meta, "severity"),
				str(meta, "tactic"), ids, description, str(meta, "falsePositives"),
				suppress == null ? DEFAULT_SUPPRESS : Durations.parse(suppress),
				window == null ? Duration.ZERO : Durations.parse(window), Map.copyOf(meta));
	}

	/** The rule kinds of the README's "Rule kinds"; {@code @kind} is optional and must be one of them. */
	public static final List<String> KINDS = List.of("single", "threshold", "sequence", "absence", "new_term",
			"cardinality", "spike");

	/** The declared {@code @kind}, or null. */
	public String kind() {
		return str(metaData, "kind");
	}

	/**
	 * True for a single-event rule: one event decides it, so it can also judge a late event. That is a rule declaring
	 * {@code @kind("single")}, or declaring no kind and no {@code @window}.
	 */
	public boolean singleEvent() {
		String kind = kind();
		return kind == null ? window.isZero() : kind.equals("single");
	}

	/** Package-qualified rule name, unique within a rule set. */
	public String qualifiedName() {
		return packageName + "." + name;
	}

	private static String str(Map<String, Object> meta, String key) {
		Object v = meta.get(key);
		if (v == null) {
			return null;
		}
		String s = v.toString().trim();
		if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
			s = s.substring(1, s.length() - 1);
		}
		return s;
	}
}
