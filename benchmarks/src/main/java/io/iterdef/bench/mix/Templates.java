package io.iterdef.bench.mix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Json;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** One real NXLog record per kind of the mix, taken from sample-events, to be copied and varied. */
final class Templates {

	enum Kind {
		PROCESS_START("Microsoft-Windows-Sysmon/Operational", 1), NETWORK_CONNECTION(
				"Microsoft-Windows-Sysmon/Operational", 3), LOGON("Security", 4624), FAILED_LOGON("Security", 4625);

		final String channel;

		final int eventId;

		Kind(String channel, int eventId) {
			this.channel = channel;
			this.eventId = eventId;
		}
	}

	private final Map<Kind, ObjectNode> byKind = new EnumMap<>(Kind.class);

	Templates() {
		for (String file : SampleRecords.FILES) {
			for (String line : SampleRecords.lines(file)) {
				ObjectNode record = Json.parseObject(line.getBytes(StandardCharsets.UTF_8));
				for (Kind kind : Kind.values()) {
					if (!byKind.containsKey(kind) && record.path("EventID").asInt() == kind.eventId
							&& kind.channel.equals(record.path("Channel").asText())) {
						byKind.put(kind, record);
					}
				}
			}
		}
		for (Kind kind : Kind.values()) {
			if (!byKind.containsKey(kind)) {
				throw new IllegalStateException("sample-events has no record of " + kind);
			}
		}
	}

	/** A fresh copy of the kind's template, without its rendered Message (it would contradict the new values). */
	ObjectNode copy(Kind kind) {
		ObjectNode record = byKind.get(kind).deepCopy();
		record.remove("Message");
		return record;
	}
}
