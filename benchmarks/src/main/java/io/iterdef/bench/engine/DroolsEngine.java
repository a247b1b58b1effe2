package io.iterdef.bench.engine;

import io.iterdef.kb.engine.RuleSet;
import io.iterdef.kb.event.Event;

import java.util.List;
import java.util.Map;

/**
 * The project's engine as {@code iterdef detect} runs it: one fresh STREAM-mode session with a pseudo clock per run,
 * events inserted in time order and fired one by one, the clock then moved past the longest window; the matches are
 * the distinct alerts.
 */
final class DroolsEngine implements ShapeEngine {

	private final RuleSet rules;

	DroolsEngine(RuleSet rules) {
		this.rules = rules;
	}

	static DroolsEngine of(Shape shape) {
		String name = shape.name().toLowerCase(java.util.Locale.ROOT);
		return new DroolsEngine(RuleSet.compile(Map.of("rules/bench/" + name + ".drl", shape.drl())));
	}

	/** detection-kb's built-in rules (everything under classpath:rules/). */
	static DroolsEngine library() {
		return new DroolsEngine(RuleSet.fromClasspath());
	}

	int ruleCount() {
		return rules.rules().size();
	}

	@Override
	public long run(List<Event> events) {
		return rules.detect(events.iterator(), done -> {
		}).size();
	}
}
