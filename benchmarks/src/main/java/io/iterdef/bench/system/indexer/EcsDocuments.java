package io.iterdef.bench.system.indexer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of the indexer benchmark: the ECS events the decoders make of the raw records, made unique (the
 * record's number appended to event.id, which is the document's _id) and moved to one day (the date of
 * {@code @timestamp}, which names the daily index the indexer writes to), the time of day kept.
 */
final class EcsDocuments {
	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<ObjectNode> events;

	private EcsDocuments(List<ObjectNode> events) {
		this.events = events;
	}

	static EcsDocuments decode(List<byte[]> rawRecords) {
		Decoders decoders = Decoders.defaults(ZoneOffset.UTC);
		List<ObjectNode> events = new ArrayList<>();
		for (byte[] raw : rawRecords) {
			try {
				for (Event e : decoders.decode(raw, null)) {
					events.add(e.toTree());
				}
			}
			catch (DecodeException e) {
				throw new IllegalStateException("a benchmark record does not decode: " + e.getMessage(), e);
			}
		}
		if (events.isEmpty()) {
			throw new IllegalStateException("no event decoded from the benchmark records");
		}
		return new EcsDocuments(events);
	}

	/** The mean size of a document's JSON, in bytes. */
	int meanSize() {
		return (int) Math.round(events.stream().mapToInt(e -> bytes(e).length).average().orElse(0));
	}

	int distinct() {
		return events.size();
	}

	/** Document number {@code n} (0, 1, ...): an event of the list in turn, unique by its id, on {@code day}. */
	ObjectNode document(long n, LocalDate day) {
		ObjectNode doc = events.get((int) (n % events.size())).deepCopy();
		ObjectNode event = (ObjectNode) doc.get("event");
		event.put("id", event.path("id").asText() + "-" + n);
		String ts = doc.path("@timestamp").asText();
		if (ts.length() < 11 || ts.charAt(10) != 'T') {
			throw new IllegalStateException("an event's @timestamp is not ISO: " + ts);
		}
		doc.put("@timestamp", day + ts.substring(10));
		return doc;
	}

	static String hostName(ObjectNode doc) {
		return doc.path("host").path("name").asText("");
	}

	static byte[] bytes(ObjectNode doc) {
		try {
			return JSON.writeValueAsBytes(doc);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
