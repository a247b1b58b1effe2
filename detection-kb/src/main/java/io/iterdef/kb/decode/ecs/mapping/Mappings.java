package io.iterdef.kb.decode.ecs.mapping;

import io.iterdef.kb.decode.ecs.EventMapping;

/**
 * STUB, owned by the mappings engineer, who replaces this file: the EventMapping registry by channel, provider and
 * event id. Until then every event gets the generic mapping (common fields only, set by EcsMapper).
 */
public final class Mappings {

	private static final EventMapping GENERIC = (event, ecs) -> {
	};

	private Mappings() {
	}

	/** The mapping for the event; never null (the generic fallback). */
	public static EventMapping forEvent(String channel, String provider, int eventId) {
		return GENERIC;
	}

}
