package io.iterdef.kb.decode.ecs.mapping;

import io.iterdef.kb.decode.ecs.EventMapping;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The mappings of one source (a channel, or a channel and provider), by event id. */
public final class MappingTable {

	private final Map<Integer, EventMapping> byId = new HashMap<>();

	/** Registers the classification followed by the field mapping for the event id. */
	public MappingTable put(int eventId, Classification classification, EventMapping fields) {
		this.byId.put(eventId, (event, ecs) -> {
			classification.apply(ecs);
			fields.map(event, ecs);
		});
		return this;
	}

	/** Registers a mapping that sets everything itself. */
	public MappingTable put(int eventId, EventMapping mapping) {
		this.byId.put(eventId, mapping);
		return this;
	}

	/** The mapping of the event id, or null. */
	public EventMapping get(int eventId) {
		return this.byId.get(eventId);
	}

	/** The event ids mapped, in order. */
	public Iterable<Integer> ids() {
		return Collections.unmodifiableSet(new TreeMap<>(this.byId).keySet());
	}

}
