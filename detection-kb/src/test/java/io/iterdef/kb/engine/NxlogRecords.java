package io.iterdef.kb.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.DecodeException;
import io.iterdef.kb.decode.Decoders;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events for the pseudo-clock rule tests, made the way the rules receive them: a golden-corpus NXLog record
 * (src/test/resources/raw/nxlog/corpus_NAME.json) with some fields changed, at a given time (EventTime, in UTC), run
 * through the real decoder.
 */
final class NxlogRecords {

	private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final Decoders DECODERS = Decoders.defaults(ZoneOffset.UTC);

	private static final AtomicLong RECORD = new AtomicLong(1_000_000);

	private NxlogRecords() {
	}

	/** The corpus record {@code name} (e.g. "security_4720") at {@code time} with {@code fields} set, decoded. */
	static Event event(String name, Instant time, Map<String, ?> fields) {
		ObjectNode record = corpus(name);
		record.put("EventTime", EVENT_TIME.format(time));
		record.put("EventReceivedTime", EVENT_TIME.format(time.plusSeconds(1)));
		record.put("RecordNumber", RECORD.incrementAndGet());
		if (record.has("UtcTime")) {
			record.put("UtcTime", EVENT_TIME.format(time) + String.format(".%03d", time.getNano() / 1_000_000));
		}
		fields.forEach((k, v) -> {
			if (v instanceof Number n) {
				record.put(k, n.longValue());
			}
			else {
				record.put(k, String.valueOf(v));
			}
		});
		try {
			List<Event> events = DECODERS.decode(Json.write(record), null);
			if (events.size() != 1) {
				throw new IllegalStateException("expected one event from " + name + ", got " + events.size());
			}
			return events.get(0);
		}
		catch (DecodeException e) {
			throw new IllegalStateException("corpus record " + name + " does not decode", e);
		}
	}

	private static ObjectNode corpus(String name) {
		String path = "raw/nxlog/corpus_" + name + ".json";
		try (InputStream in = NxlogRecords.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + path);
			}
			return Json.parseObject(in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
