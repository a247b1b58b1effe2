package io.iterdef.kb.decode;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A format whose record is one JSON object. {@link Decoders} parses a JSON record once and hands the tree to
 * {@link #decodeJson}, so the bytes are not parsed twice; {@link #decode} parses them itself. With a format
 * hint {@link #sniff} is not consulted: {@link #decodeJson} refuses records that lack what it needs, with the reason.
 */
public interface JsonFormatDecoder extends FormatDecoder {

	/** Decodes the parsed record; {@code trimmed} is still the source of the event id. */
	List<WinEvent> decodeJson(byte[] trimmed, ObjectNode json, DecodeContext ctx) throws DecodeException;

	@Override
	default List<WinEvent> decode(byte[] trimmed, DecodeContext ctx) throws DecodeException {
		return decodeJson(trimmed, DecodeContext.parseObject(trimmed), ctx);
	}

}
