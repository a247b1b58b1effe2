package io.iterdef.kb.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.event.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FormatDecoder} needs besides the record: the collector's time zone (for shipper times without a
 * zone), the clock, the event id rule, the fallbacks an envelope supplies (a syslog header's host and time), and a
 * way back into {@link Decoders} for a payload carried inside another format (syslog). Immutable, thread-safe.
 */
public final class DecodeContext {

	/** How many characters of a refused record a reason quotes. */
	public static final int PREVIEW_CHARS = 80;

	/** Nesting limit for {@link #decodeNested} (syslog in syslog ...). */
	static final int MAX_DEPTH = 3;

	/**
	 * Json.MAPPER with objects sized for a shipper record's top-level fields (NXLog sends 30 to 40): growing the map
	 * twice per record was a sixth of the parse.
	 */
	private static final ObjectMapper RECORDS = Json.MAPPER.copy().setNodeFactory(new JsonNodeFactory() {

		@Override
		public ObjectNode objectNode() {
			return new ObjectNode(this, new LinkedHashMap<>(64));
		}

	});

	private final ZoneId collectorZone;

	private final Clock clock;

	private final Decoders decoders;

	private final String fallbackHost;

	private final Instant fallbackTime;

	private final int depth;

	DecodeContext(ZoneId collectorZone, Clock clock, Decoders decoders, String fallbackHost, Instant fallbackTime,
			int depth) {
		this.collectorZone = Objects.requireNonNull(collectorZone, "collectorZone");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.decoders = decoders;
		this.fallbackHost = fallbackHost;
		this.fallbackTime = fallbackTime;
		this.depth = depth;
	}

	/** Zone of shipper local times without a zone (NXLog EventTime, zone-less TimeCreated). */
	public ZoneId collectorZone() {
		return collectorZone;
	}

	public Clock clock() {
		return clock;
	}

	/** Host name from an envelope (syslog header) for events that carry no Computer; null when none. */
	public String fallbackHost() {
		return fallbackHost;
	}

	/** Time from an envelope (syslog header) for events that carry no time; null when none. */
	public Instant fallbackTime() {
		return fallbackTime;
	}

	/** This context with an envelope's host and time as fallbacks for the events of a nested payload. */
	public DecodeContext withFallbacks(String host, Instant time) {
		return new DecodeContext(collectorZone, clock, decoders, host, time, depth);
	}

	/**
	 * Decodes a payload carried inside the current record (a syslog message's body) with the registered decoders:
	 * auto-detected when {@code formatHint} is null. The fallbacks of this context apply to it.
	 */
	public List<WinEvent> decodeNested(byte[] payload, String formatHint) throws DecodeException {
		if (decoders == null) {
			throw new DecodeException("nested payloads are not supported here");
		}
		if (depth >= MAX_DEPTH) {
			throw refuse("envelopes nested more than " + MAX_DEPTH + " deep", payload);
		}
		return decoders.decodeWinEvents(payload, formatHint,
				new DecodeContext(collectorZone, clock, decoders, fallbackHost, fallbackTime, depth + 1));
	}

	/** event.id: lower-case hex SHA-1 of the trimmed record bytes (or of one event's own text in a container). */
	public String id(byte[] trimmed) {
		return Json.sha1Hex(trimmed);
	}

	/** event.id of a text (UTF-8), e.g. one {@code <Event>} of an {@code <Events>} wrapper. */
	public String id(String text) {
		return Json.sha1Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A refusal: the reason followed by the first {@value #PREVIEW_CHARS} characters of the record. */
	public static DecodeException refuse(String reason, byte[] record) {
		return new DecodeException(reason + "; record: " + preview(record));
	}

	/** As {@link #refuse(String, byte[])} keeping the cause. */
	public static DecodeException refuse(String reason, byte[] record, Throwable cause) {
		return new DecodeException(reason + "; record: " + preview(record), cause);
	}

	/** The first {@value #PREVIEW_CHARS} characters of the record, control characters escaped, quoted. */
	public static String preview(byte[] record) {
		if (record == null) {
			return "(null)";
		}
		int len = Math.min(record.length, PREVIEW_CHARS * 4);
		String text = new String(record, 0, len, StandardCharsets.UTF_8);
		StringBuilder sb = new StringBuilder(PREVIEW_CHARS + 8).append('"');
		int count = 0;
		for (int i = 0; i < text.length() && count < PREVIEW_CHARS; i++, count++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				sb.append(String.format("\\x%02x", (int) c));
			}
			else {
				sb.append(c);
			}
		}
		sb.append('"');
		if (count >= PREVIEW_CHARS && (text.length() > count || record.length > len)) {
			sb.append("...");
		}
		return sb.toString();
	}

	/** Parses the bytes as one JSON object, or refuses with the parser's reason. */
	public static ObjectNode parseObject(byte[] trimmed) throws DecodeException {
		JsonNode node;
		try {
			node = RECORDS.readTree(trimmed);
		}
		catch (JsonProcessingException e) {
			throw refuse("not JSON: " + e.getOriginalMessage(), trimmed, e);
		}
		catch (IOException | RuntimeException e) {
			throw refuse("not JSON: " + e.getMessage(), trimmed, e);
		}
		if (node == null || !node.isObject()) {
			throw refuse("not a JSON object: " + (node == null ? "nothing" : node.getNodeType()), trimmed);
		}
		return (ObjectNode) node;
	}

}
