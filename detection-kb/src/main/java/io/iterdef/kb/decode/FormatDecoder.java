package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One shipper format (NXLog JSON, flattened JSON, Winlogbeat, Windows XML, evtx_dump JSON, syslog): parses one
 * record into the {@link WinEvent}s it carries. Implementations are stateless and thread-safe; everything that
 * varies by deployment (collector zone, clock, ids, re-entering the decoders) comes from the {@link DecodeContext}.
 * <p>
 * Contract: {@link #decode} either returns at least one event with {@link WinEvent#id}, {@link WinEvent#format},
 * {@link WinEvent#timestamp}, {@link WinEvent#channel} and {@link WinEvent#eventId} set, or throws a
 * {@link DecodeException} whose message says what was wrong (use {@link DecodeContext#refuse}); no other exception
 * may escape ({@link Decoders} wraps anything else as a bug, but a decoder should not rely on that).
 */
public interface FormatDecoder {

	/** The format hint that selects this decoder, e.g. "nxlog-json", "windows-xml", "syslog". */
	String name();

	/**
	 * Cheap auto-detection: may this decoder handle the record? Called in registration order; the first that says
	 * yes decodes it.
	 * @param trimmed the record without surrounding whitespace (never empty)
	 * @param json the record parsed as a JSON object when it is one, else null (non-JSON decoders look at bytes)
	 */
	boolean sniff(byte[] trimmed, JsonNode json);

	/**
	 * Decodes one record (trimmed: no surrounding whitespace, not empty).
	 * @throws DecodeException with the reason when the record is not valid in this format
	 */
	List<WinEvent> decode(byte[] trimmed, DecodeContext ctx) throws DecodeException;

}
