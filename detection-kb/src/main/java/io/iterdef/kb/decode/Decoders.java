package io.iterdef.kb.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iterdef.kb.decode.nxlog.NxlogDecoder;
import io.iterdef.kb.event.Event;
import io.iterdef.kb.event.Json;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Entry point of the decoders: raw shipper records (one JSON line) to ECS {@link Event}s. Thread-safe. Today it
 * decodes NXLog im_msvistalog JSON (om_tcp + to_json, directly or forwarded by Logstash).
 */
public final class Decoders {

	/** Format hint for NXLog im_msvistalog JSON records. */
	public static final String NXLOG_JSON = "nxlog-json";

	private final NxlogDecoder nxlog;

	private Decoders(ZoneId collectorZone, Clock clock) {
		this.nxlog = new NxlogDecoder(Objects.requireNonNull(collectorZone, "collectorZone"),
				Objects.requireNonNull(clock, "clock"));
	}

	/** Decoders with shipper local times (NXLog EventTime) read in {@code collectorZone}; event.ingested = now. */
	public static Decoders defaults(ZoneId collectorZone) {
		return new Decoders(collectorZone, Clock.systemUTC());
	}

	/** As {@link #defaults(ZoneId)}, with the clock that stamps event.ingested (fixed in tests). */
	public static Decoders defaults(ZoneId collectorZone, Clock clock) {
		return new Decoders(collectorZone, clock);
	}

	/**
	 * Decodes one raw record (surrounding whitespace ignored) into its events.
	 * @param formatHint null to auto-detect, or {@value #NXLOG_JSON}
	 * @throws DecodeException with the reason when the record is not in a supported format
	 */
	public List<Event> decode(byte[] record, String formatHint) throws DecodeException {
		if (record == null) {
			throw new DecodeException("empty record");
		}
		if (formatHint != null && !formatHint.isBlank() && !NXLOG_JSON.equalsIgnoreCase(formatHint.trim())) {
			throw new DecodeException("unsupported format hint: " + formatHint);
		}
		byte[] trimmed = trim(record);
		if (trimmed.length == 0) {
			throw new DecodeException("empty record");
		}
		JsonNode node;
		try {
			node = Json.MAPPER.readTree(trimmed);
		}
		catch (JsonProcessingException e) {
			throw new DecodeException("not JSON: " + e.getOriginalMessage(), e);
		}
		catch (IOException e) {
			throw new DecodeException("not JSON: " + e.getMessage(), e);
		}
		if (node == null || !node.isObject()) {
			throw new DecodeException("not a JSON object: " + (node == null ? "nothing" : node.getNodeType()));
		}
		return List.of(nxlog.decode((ObjectNode) node, Json.sha1Hex(trimmed)));
	}

	/** Re-entry for nested payloads (syslog); the format registry arrives with the refactoring. */
	List<WinEvent> decodeWinEvents(byte[] record, String formatHint, DecodeContext ctx) throws DecodeException {
		throw new DecodeException("nested payloads are not supported yet");
	}

	/** The record without leading and trailing ASCII whitespace and control characters. */
	static byte[] trim(byte[] raw) {
		int from = 0;
		int to = raw.length;
		while (from < to && (raw[from] & 0xFF) <= 0x20) {
			from++;
		}
		while (to > from && (raw[to - 1] & 0xFF) <= 0x20) {
			to--;
		}
		return from == 0 && to == raw.length ? raw : Arrays.copyOfRange(raw, from, to);
	}
}
