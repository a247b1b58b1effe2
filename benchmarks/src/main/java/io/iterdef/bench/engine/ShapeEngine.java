package io.iterdef.bench.engine;

import io.iterdef.kb.event.Event;

import java.util.List;

/** A compiled rule set that runs a time-ordered list of events through a fresh session and counts the matches. */
public interface ShapeEngine {

	long run(List<Event> events);

	static ShapeEngine of(String engine, Shape shape) {
		return switch (engine) {
			case "drools" -> DroolsEngine.of(shape);
			case "esper" -> new EsperEngine(shape);
			default -> throw new IllegalArgumentException("unknown engine: " + engine + " (drools, esper)");
		};
	}
}
